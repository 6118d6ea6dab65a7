import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { pullResponse, pushResponse, type WireChange } from '../../../shared/schemas/sync-protocol';
import type { Cloud } from '../../support/cloud';
import { cloudClient, type CloudClient } from '../../support/cloud/client';
import { storageLegs } from './cloud-storages';
import { created, newCard, outbox, stamps } from './cloud-builders';

/** The reference cloud's protocol and rules over real HTTP, on PGlite and (when named) on a real PostgreSQL server. */
for (const leg of storageLegs) {
  describe.skipIf(leg.skip)(`reference cloud on ${leg.name}`, () => {
    let cloud: Cloud;
    let apiKey: string;
    let a: CloudClient;
    let b: CloudClient;

    // One server for the file; each test gets a shop of its own (shops never see each other's data).
    beforeAll(async () => {
      cloud = await leg.start();
    });
    afterAll(async () => {
      await cloud.close();
    });
    beforeEach(async () => {
      apiKey = (await cloud.createShop('Café Lumen')).apiKey;
      a = cloudClient(cloud.url, apiKey, 'pc-a');
      b = cloudClient(cloud.url, apiKey, 'pc-b');
    });

    const cardState = async (token: string) => (await cloud.snapshot(apiKey)).cards.find((c) => c.token === token)!;

    it('answers /v1/info with the shop, and refuses a wrong key (401), a wrong protocol (426), a bad body (400)', async () => {
      const info = await a.info();
      expect(info.status).toBe(200);
      expect(info.body).toMatchObject({ protocol: 1, shopName: 'Café Lumen' });
      expect((await cloudClient(cloud.url, 'sdk_wrong', 'pc-a').info()).status).toBe(401);
      const old = await cloudClient(cloud.url, apiKey, 'pc-a', { 'x-stampdesk-protocol': '0' }).info();
      expect(old.status).toBe(426);
      // it says which version it speaks, so the app can name both
      expect(old.body).toMatchObject({ error: { code: 'protocolVersion' }, protocol: 1 });
      const bad = await a.push({ entries: [{ seq: 1, key: 'k', operation: { kind: 'card.teleported' }, events: [] }] });
      expect(bad.status).toBe(400);
      expect(bad.body).toMatchObject({ error: { code: 'badBody' } });
      expect((await a.push('{not json')).status).toBe(400);
      expect((await a.pull({ cursor: 'not a cursor' })).status).toBe(400);
    });

    it('keeps only a hash of each API key; every shop sees only its own changes', async () => {
      const other = await cloud.createShop('Other shop');
      expect(other.apiKey).not.toBe(apiKey);
      await cloud.simulate.cardSaved(other.apiKey, { name: 'Somchai' });
      const mine = await a.pullAll();
      expect(mine.changes.filter((c) => c.entity === 'card')).toEqual([]);
      expect(mine.changes.filter((c) => c.entity === 'template')).toHaveLength(1);
      expect((await cloudClient(cloud.url, other.apiKey, 'pc-z').pullAll()).changes.some((c) => c.entity === 'card')).toBe(true);
    });

    it('a new shop starts with the default stamp-card template as a change', async () => {
      const { changes } = await a.pullAll();
      expect(changes[0]).toEqual({ version: 1, entity: 'template', template: { id: 1, name: 'Stamp card', version: 1, goal: 8 } });
    });

    it('applies each key once: the same page sent again answers duplicate and the stamps count once', async () => {
      const card = newCard();
      const next = outbox();
      const page = [next(created(card)), next(stamps(card.token, 2)), next(stamps(card.token, 3))];
      const first = await a.push(page);
      expect(first.status).toBe(200);
      expect(pushResponse.parse(first.body).outcomes.map((o) => o.status)).toEqual(['applied', 'applied', 'applied']);
      const again = await a.push(page);
      expect(again.body.outcomes.map((o) => o.status)).toEqual(['duplicate', 'duplicate', 'duplicate']);
      expect(again.body.lastSeq).toBe(3);
      expect((await cardState(card.token)).stamps).toBe(5);
    });

    it('the same page delivered twice at once still applies once', async () => {
      const card = newCard();
      const next = outbox();
      await a.push([next(created(card))]);
      const page = [next(stamps(card.token, 1)), next(stamps(card.token, 1)), next(stamps(card.token, 1))];
      const replies = await Promise.all([a.push(page), a.push(page), a.push(page)]);
      for (const reply of replies) expect(reply.status).toBe(200);
      const statuses = replies.flatMap((r) => r.body.outcomes.map((o) => o.status));
      expect(statuses.filter((s) => s === 'applied')).toHaveLength(3);
      expect((await cardState(card.token)).stamps).toBe(3);
    });

    it('a seq gap stops the push there: 409 with the expected seq, or the outcomes before it', async () => {
      const card = newCard();
      const next = outbox();
      const e1 = next(created(card));
      const e2 = next(stamps(card.token, 1));
      const e3 = next(stamps(card.token, 1));
      const gap = await a.push([e2, e3]);
      expect(gap.status).toBe(409);
      expect(gap.body).toMatchObject({ error: { code: 'seqGap' }, expectedSeq: 1, lastSeq: 0, outcomes: [] });
      const partial = await a.push([e1, e3]);
      expect(partial.status).toBe(200);
      expect(partial.body).toMatchObject({ lastSeq: 1, expectedSeq: 2 });
      expect(partial.body.outcomes.map((o) => o.seq)).toEqual([1]);
      expect((await cardState(card.token)).stamps).toBe(0);
      expect((await a.push([e2, e3])).body.outcomes.map((o) => o.status)).toEqual(['applied', 'applied']);
    });

    it('a key sent again with another payload, or reused at a new seq, is rejected as keyReused and never applied', async () => {
      const card = newCard();
      const next = outbox();
      const e1 = next(created(card));
      const e2 = next(stamps(card.token, 1));
      await a.push([e1, e2]);
      const tampered = await a.push([{ ...e2, operation: stamps(card.token, 50) }]);
      expect(tampered.body.outcomes[0]).toMatchObject({ seq: 2, status: 'rejected', reason: { key: 'keyReused' } });
      const reused = await a.push([{ ...next(stamps(card.token, 7)), key: e2.key }]);
      expect(reused.body.outcomes[0]).toMatchObject({ seq: 3, status: 'rejected', reason: { key: 'keyReused' } });
      expect(reused.body.lastSeq).toBe(3);
      expect((await cardState(card.token)).stamps).toBe(1);
    });

    it('a permanent rejection still advances the watermark, so the entries after it go through', async () => {
      const next = outbox();
      const card = newCard();
      const reply = await a.push([next(stamps('card-nobody', 1)), next(created(card)), next(stamps(card.token, 2))]);
      expect(reply.body.outcomes.map((o) => [o.status, o.reason?.key ?? null])).toEqual([
        ['rejected', 'unknownCard'],
        ['applied', null],
        ['applied', null],
      ]);
      expect(reply.body.lastSeq).toBe(3);
      expect((await a.push([next(stamps(card.token, 1))])).body.outcomes[0]!.status).toBe('applied');
    });

    it('pull pages hold whole versions, end with hasMore false, and follow the cursor', async () => {
      const next = outbox();
      const cardsMade = Array.from({ length: 7 }, () => newCard());
      await a.push(cardsMade.map((c) => next(created(c)))); // one version: 7 cards and 7 outcomes
      for (let i = 0; i < 5; i++) await cloud.simulate.cardSaved(apiKey, { name: `Customer ${i}` });
      const pages: WireChange[][] = [];
      let cursor: string | null = null;
      for (;;) {
        const reply = await a.pull({ cursor, limit: 3 });
        const page = pullResponse.parse(reply.body);
        pages.push(page.changes);
        cursor = page.cursor;
        if (!page.hasMore) break;
      }
      const all = pages.flat();
      expect(all.map((c) => c.version)).toEqual([...all.map((c) => c.version)].sort((x, y) => x - y));
      const versions = pages.map((p) => new Set(p.map((c) => c.version)));
      for (let i = 1; i < versions.length; i++) for (const v of versions[i]!) expect(versions[i - 1]!.has(v)).toBe(false);
      expect(pages.some((p) => p.length === 14)).toBe(true); // the push's version came whole though the limit is 3
      expect(all.filter((c) => c.entity === 'card')).toHaveLength(12);
      const after = await a.pull({ cursor });
      expect(after.body).toMatchObject({ changes: [], cursor, hasMore: false, reset: false });
    });

    it('a cursor from another epoch answers reset with the changes from the start', async () => {
      await cloud.simulate.cardSaved(apiKey, { name: 'Aylin' });
      const reply = await a.pull({ cursor: 'someotherepoch:99' });
      expect(reply.body.reset).toBe(true);
      expect(reply.body.changes[0]).toMatchObject({ version: 1, entity: 'template' });
      expect(reply.body.cursor.endsWith(':2')).toBe(true);
    });

    it('a long-poll is answered as soon as a change commits, well before its wait runs out', { timeout: 12_000 }, async () => {
      const { cursor } = await a.pullAll();
      const waiting = a.pull({ cursor, wait: 25 });
      await new Promise((resolve) => setTimeout(resolve, 300));
      const card = await cloud.simulate.cardSaved(apiKey, { name: 'Kim Min-jun' });
      const reply = await waiting;
      expect(reply.status).toBe(200);
      expect(reply.body.changes.some((c) => c.entity === 'card' && c.card.token === card.token)).toBe(true);
    });

    it('a long-poll with nothing new answers empty when its wait is up, and a push goes through meanwhile', async () => {
      const { cursor } = await a.pullAll();
      const waiting = b.pull({ cursor, wait: 1 });
      const next = outbox();
      expect((await a.push([next(created(newCard()))])).status).toBe(200);
      const woke = await waiting;
      expect(woke.body.changes.length).toBeGreaterThan(0);
      const idle = await b.pull({ cursor: woke.body.cursor, wait: 1 });
      expect(idle.body).toMatchObject({ changes: [], hasMore: false, cursor: woke.body.cursor });
    });

    it('the world: a saved card gets the next number and the default template; a wallet stamp counts', async () => {
      const next = outbox();
      await a.push([next(created(newCard({ number: 41 })))]);
      const card = await cloud.simulate.cardSaved(apiKey, { name: 'Priya Patel', email: 'priya@example.com' });
      expect(card).toMatchObject({ number: 42, templateId: 1, templateVersion: 1, goal: 8, stamps: 0, customer: { name: 'Priya Patel', email: 'priya@example.com' } });
      await cloud.simulate.stampInWallet(apiKey, card.token);
      expect((await cardState(card.token)).stamps).toBe(1);
      const history = (await cloud.snapshot(apiKey)).events.filter((e) => e.cardToken === card.token).map((e) => [e.type, e.seat]);
      expect(history).toEqual([
        ['card_saved', 'wallet'],
        ['stamp_added', 'wallet'],
      ]);
    });

    it('many customers saving cards at once: numbered in a row, pulled in pages of whole versions', async () => {
      expect(await cloud.simulate.manyCardsSaved(apiKey, 2_500)).toBe(2_500);
      const { changes, pages } = await a.pullAll(null, 1_000);
      const numbers = changes.flatMap((c) => (c.entity === 'card' ? [c.card.number] : []));
      expect(numbers).toEqual(Array.from({ length: 2_500 }, (_, i) => i + 1));
      // The template's version, then three versions of up to 1,000 cards and their events: each is over the limit
      // of 1,000 and comes whole in a page of its own.
      expect(pages).toBe(4);
    });

    it('the admin routes need the admin token and do what the programmatic ones do', async () => {
      const admin = (path: string, body: unknown, token = cloud.adminToken) =>
        fetch(`${cloud.url}${path}`, { method: path.endsWith('faults') ? 'PUT' : 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
      expect((await admin('/admin/shops', { name: 'X' }, apiKey)).status).toBe(401);
      const shop = (await (await admin('/admin/shops', { name: 'Branch 2' })).json()) as { apiKey: string };
      expect((await cloudClient(cloud.url, shop.apiKey, 'pc-a').info()).body.shopName).toBe('Branch 2');
      const card = (await (await admin('/admin/simulate/card-saved', { apiKey, name: 'Rahul Shah' })).json()) as { token: string };
      expect((await admin('/admin/simulate/stamp', { apiKey, cardToken: card.token, delta: 3 })).status).toBe(200);
      expect((await admin('/admin/simulate/stamp', { apiKey, cardToken: 'card-nobody' })).status).toBe(404);
      const snapshot = (await (await admin('/admin/snapshot', { apiKey })).json()) as { cards: { stamps: number }[] };
      expect(snapshot.cards[0]!.stamps).toBe(3);
      expect((await admin('/admin/faults', { status: 503 })).status).toBe(200);
      expect((await a.info()).status).toBe(503);
      expect((await fetch(`${cloud.url}/admin/faults`, { method: 'DELETE', headers: { authorization: `Bearer ${cloud.adminToken}` } })).status).toBe(200);
      expect((await a.info()).status).toBe(200);
    });
  });
}
