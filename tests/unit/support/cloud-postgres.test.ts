import { afterEach, describe, expect, it } from 'vitest';
import type { WireChange } from '../../../shared/schemas/sync-protocol';
import type { Cloud } from '../../support/cloud';
import { cloudClient } from '../../support/cloud/client';
import { postgresLeg } from './cloud-storages';
import { created, newCard, outbox } from './cloud-builders';

/**
 * Cursor gaps need transactions that overlap, which only a real PostgreSQL server has (PGlite runs one at a time):
 * hold push A open just before its commit, send push B meanwhile, pull, commit A, pull — A is delivered, nothing is
 * skipped, and versions come in commit order. Runs when STAMPDESK_TEST_DATABASE_URL names a server.
 */
function gate() {
  let open!: () => void;
  let fail!: (error: Error) => void;
  const passed = new Promise<void>((resolve, reject) => {
    open = resolve;
    fail = reject;
  });
  let entered!: () => void;
  const reached = new Promise<void>((resolve) => (entered = resolve));
  return { passed, open, fail, reached, entered };
}

const outcomeSeqs = (changes: WireChange[]) => changes.flatMap((c) => (c.entity === 'outcome' ? [`${c.deviceId}#${c.outcome.seq}`] : []));

describe.skipIf(postgresLeg.skip)('reference cloud on PostgreSQL: no pull skips a late commit', () => {
  let cloud: Cloud | null = null;
  afterEach(async () => {
    await cloud?.close();
    cloud = null;
  });

  async function start(holdFirst: ReturnType<typeof gate>) {
    let calls = 0;
    cloud = await postgresLeg.start({
      beforePushCommit: async () => {
        if (++calls > 1) return;
        holdFirst.entered();
        await holdFirst.passed;
      },
    });
    const { apiKey } = await cloud.createShop();
    return { a: cloudClient(cloud.url, apiKey, 'pc-a'), b: cloudClient(cloud.url, apiKey, 'pc-b'), reader: cloudClient(cloud.url, apiKey, 'pc-reader') };
  }

  it('push A held open, push B sent meanwhile: a pull sees neither; after A commits both come, A first, none skipped', async () => {
    const held = gate();
    const { a, b, reader } = await start(held);
    const { cursor } = await reader.pullAll();
    const nextA = outbox();
    const nextB = outbox();
    const pushA = a.push([nextA(created(newCard()))]);
    await held.reached;
    const pushB = b.push([nextB(created(newCard()))]);
    const during = await reader.pull({ cursor });
    expect(during.body.changes).toEqual([]);
    held.open();
    expect((await pushA).body.outcomes[0]!.status).toBe('applied');
    expect((await pushB).body.outcomes[0]!.status).toBe('applied');
    const after = await reader.pullAll(during.body.cursor);
    expect(outcomeSeqs(after.changes)).toEqual(['pc-a#1', 'pc-b#1']);
    expect(after.changes.filter((c) => c.entity === 'card')).toHaveLength(2);
  });

  it('push A held open and then rolled back: B commits, the pull gets B, and A sent again arrives after it, nothing skipped', async () => {
    const held = gate();
    const { a, b, reader } = await start(held);
    const { cursor } = await reader.pullAll();
    const nextA = outbox();
    const nextB = outbox();
    const entryA = nextA(created(newCard()));
    const pushA = a.push([entryA]);
    await held.reached;
    const pushB = b.push([nextB(created(newCard()))]);
    held.fail(new Error('the connection to the database broke'));
    expect((await pushA).status).toBe(503);
    expect((await pushB).body.outcomes[0]!.status).toBe('applied');
    const first = await reader.pullAll(cursor);
    expect(outcomeSeqs(first.changes)).toEqual(['pc-b#1']);
    expect((await a.push([entryA])).body.outcomes[0]!.status).toBe('applied');
    const second = await reader.pullAll(first.cursor);
    expect(outcomeSeqs(second.changes)).toEqual(['pc-a#1']);
    const versions = [...first.changes, ...second.changes].map((c) => c.version);
    expect(versions).toEqual([...versions].sort((x, y) => x - y));
  });
});
