import { describe, expect, it } from 'vitest';
import { cardsCsv, expectConverged, useShop, type Pc } from '../../support/sync-harness';

/** Polls until `check` holds (the background loops do the syncing; nobody calls sync.now). */
async function eventually(check: () => Promise<boolean>, what: string, limitMs = 20_000): Promise<void> {
  const until = Date.now() + limitMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`never happened: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('two PCs online with their background sync on', () => {
  const shop = useShop(['Till A', 'Till B'], { autoStart: true, longPollSeconds: 10 });

  it('a change on one is seen on the other without anyone pressing Sync now, and both end equal to the cloud', async () => {
    const [a, b] = shop().pcs as [Pc, Pc];
    await a.value('cards.importCsv', { csv: cardsCsv(950001, 2), dryRun: false });
    await eventually(async () => (await b.call('cards.get', { id: 950002 })).ok, 'Till B has the imported cards');
    await a.value('cards.adjustStamps', { id: 950001, delta: 2, reason: 'Live' });
    await eventually(async () => (await b.value<{ stamps: number }>('cards.get', { id: 950001 })).stamps === 2, 'Till B shows the stamps');
    await b.value('cards.adjustStamps', { id: 950002, delta: 1, reason: 'Back' });
    await eventually(async () => (await a.value<{ stamps: number }>('cards.get', { id: 950002 })).stamps === 1, 'Till A shows the stamp');
    await eventually(async () => (await a.status()).pending === 0 && (await b.status()).pending === 0, 'nothing pending');
    await eventually(async () => {
      const cloud = JSON.stringify((await shop().cloud.snapshot(shop().apiKey)).events.length);
      return cloud === JSON.stringify(a.core().db.sqlite.prepare('SELECT count(*) AS n FROM events').pluck().get()) && cloud === JSON.stringify(b.core().db.sqlite.prepare('SELECT count(*) AS n FROM events').pluck().get());
    }, 'every history event everywhere');
    await expectConverged(shop(), (actual, expected) => expect(actual).toEqual(expected));
  });
});
