import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Cloud } from '../../support/cloud';
import { cloudClient, type CloudClient } from '../../support/cloud/client';
import { pgliteLeg, storageLegs } from './cloud-storages';
import { created, newCard, outbox, stamps } from './cloud-builders';

/** The reference cloud's fault switches, and that after each one nothing is lost and nothing is applied twice. */
for (const leg of storageLegs) {
  describe.skipIf(leg.skip)(`reference cloud faults on ${leg.name}`, () => {
    let cloud: Cloud;
    let apiKey: string;
    let a: CloudClient;

    beforeAll(async () => {
      cloud = await leg.start();
    });
    afterAll(async () => {
      await cloud.close();
    });
    beforeEach(async () => {
      apiKey = (await cloud.createShop('Café Lumen')).apiKey;
      a = cloudClient(cloud.url, apiKey, 'pc-a');
    });
    afterEach(() => cloud.faults.clear());

    const stampsOf = async (token: string) => (await cloud.snapshot(apiKey)).cards.find((c) => c.token === token)!.stamps;

    it('error replies: a status for every request, or for a share of them; nothing applied by a refused push', async () => {
      const card = newCard();
      const next = outbox();
      const page = [next(created(card)), next(stamps(card.token, 2))];
      cloud.faults.set({ status: 500 });
      const refused = await a.push(page);
      expect(refused.status).toBe(500);
      expect(refused.body).toMatchObject({ error: { code: 'injected' } });
      expect((await cloud.snapshot(apiKey)).cards).toEqual([]);
      cloud.faults.set({ errorRate: 0.5, status: 502 });
      const statuses = new Set<number>();
      for (let i = 0; i < 40; i++) statuses.add((await a.info()).status);
      expect(statuses).toEqual(new Set([200, 502]));
      cloud.faults.clear();
      expect((await a.push(page)).body.outcomes.map((o) => o.status)).toEqual(['applied', 'applied']);
      expect(await stampsOf(card.token)).toBe(2);
    });

    it('a delayed reply the PC gave up on (a timeout) still commits; sending again answers duplicate, applied once', async () => {
      const card = newCard();
      const next = outbox();
      const page = [next(created(card)), next(stamps(card.token, 1))];
      cloud.faults.set({ delayMs: 400 });
      const gaveUp = await fetch(`${cloud.url}/v1/push`, {
        method: 'POST',
        headers: { authorization: `Bearer ${apiKey}`, 'x-stampdesk-protocol': '1', 'x-stampdesk-device': 'pc-a', 'content-type': 'application/json' },
        body: JSON.stringify({ entries: page }),
        signal: AbortSignal.timeout(100),
      }).catch((error: unknown) => error);
      expect(gaveUp).toBeInstanceOf(Error);
      const again = await a.push(page); // waits its 400 ms too, after the first one's commit
      expect(again.body.outcomes.map((o) => o.status)).toEqual(['duplicate', 'duplicate']);
      expect(await stampsOf(card.token)).toBe(1);
    });

    it('a reply dropped after the commit: the connection dies, the retry answers duplicate, the stamps count once', async () => {
      const card = newCard();
      const next = outbox();
      const page = [next(created(card)), next(stamps(card.token, 3))];
      cloud.faults.set({ dropReplyAfterCommit: true });
      await expect(a.push(page)).rejects.toThrow();
      await expect(a.pull()).rejects.toThrow();
      cloud.faults.clear();
      expect((await a.push(page)).body.outcomes.map((o) => o.status)).toEqual(['duplicate', 'duplicate']);
      expect(await stampsOf(card.token)).toBe(3);
    });

    it('a push cut midway keeps the entries it committed; resending the page applies the rest once', async () => {
      const card = newCard();
      const next = outbox();
      const page = [next(created(card)), next(stamps(card.token, 1)), next(stamps(card.token, 10)), next(stamps(card.token, 100))];
      cloud.faults.set({ failNextPushMidway: true });
      await expect(a.push(page)).rejects.toThrow();
      expect(await stampsOf(card.token)).toBe(1);
      expect(cloud.faults.current().failNextPushMidway).toBe(false);
      expect((await a.push(page)).body.outcomes.map((o) => o.status)).toEqual(['duplicate', 'duplicate', 'applied', 'applied']);
      expect(await stampsOf(card.token)).toBe(111);
    });

    it('duplicate deliveries send every pulled change twice; reordered pulls shuffle a page; the changes are the same', async () => {
      const next = outbox();
      await a.push([next(created(newCard())), next(created(newCard()))]);
      await cloud.simulate.cardSaved(apiKey, { name: 'Aylin' });
      const plain = (await a.pull()).body;
      cloud.faults.set({ duplicateDeliveries: true });
      const doubled = (await a.pull()).body;
      expect(doubled.changes).toHaveLength(plain.changes.length * 2);
      expect(doubled.cursor).toBe(plain.cursor);
      cloud.faults.set({ duplicateDeliveries: false, reorderPulls: true });
      const shuffled = (await a.pull()).body;
      expect(shuffled.changes.map((c) => c.version)).not.toEqual(plain.changes.map((c) => c.version));
      const key = (c: object) => JSON.stringify(c);
      expect(shuffled.changes.map(key).sort()).toEqual(plain.changes.map(key).sort());
    });
  });
}

describe('reference cloud restarts', () => {
  const clouds: Cloud[] = [];
  const dirs: string[] = [];
  afterEach(async () => {
    for (const c of clouds.splice(0)) await c.close();
    for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
  });

  it('restart() comes back on the same port with the same data and epoch; a push in flight is cut and its retry applies once', async () => {
    const cloud = await pgliteLeg.start();
    clouds.push(cloud);
    const { apiKey } = await cloud.createShop();
    const a = cloudClient(cloud.url, apiKey, 'pc-a');
    const card = newCard();
    const next = outbox();
    await a.push([next(created(card))]);
    const { cursor } = await a.pullAll();
    const page = [next(stamps(card.token, 2))];
    cloud.faults.set({ delayMs: 2_000 });
    const inFlight = a.push(page).then(
      () => 'answered',
      (error: unknown) => error,
    );
    await new Promise((resolve) => setTimeout(resolve, 200));
    const port = cloud.port;
    await cloud.restart();
    expect(await inFlight).toBeInstanceOf(Error);
    cloud.faults.clear();
    expect(cloud.port).toBe(port);
    expect((await a.push(page)).body.outcomes[0]!.status).toBe('applied');
    expect((await a.push(page)).body.outcomes[0]!.status).toBe('duplicate');
    const after = await a.pull({ cursor });
    expect(after.body.reset).toBe(false);
    expect(after.body.changes.some((c) => c.entity === 'card' && c.card.stamps === 2)).toBe(true);
  });

  it('with --data the files outlive the server: a new cloud on the same folder knows the shop, its cursor and watermarks', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stampdesk-cloud-'));
    dirs.push(dir);
    const first = await pgliteLeg.start({ dataDir: dir });
    const { apiKey } = await first.createShop('Kept');
    const next = outbox();
    const card = newCard();
    const e1 = next(created(card));
    await cloudClient(first.url, apiKey, 'pc-a').push([e1]);
    const { cursor } = await cloudClient(first.url, apiKey, 'pc-a').pullAll();
    await first.close();
    // Only a hash of the key is kept: the key itself is in none of the database's files.
    const files = fs.readdirSync(dir, { recursive: true, withFileTypes: true }).filter((f) => f.isFile());
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) expect(fs.readFileSync(path.join(f.parentPath, f.name)).includes(apiKey)).toBe(false);
    const second = await pgliteLeg.start({ dataDir: dir });
    clouds.push(second);
    const a = cloudClient(second.url, apiKey, 'pc-a');
    expect((await a.info()).body.shopName).toBe('Kept');
    expect((await a.push([e1])).body.outcomes[0]!.status).toBe('duplicate');
    expect((await a.pull({ cursor })).body).toMatchObject({ changes: [], reset: false });
  });
});
