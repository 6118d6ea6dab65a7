import { describe, expect, it } from 'vitest';
import type { SyncStatus } from '../../../shared/schemas/sync';
import { cardsCsv, snapshots, syncUntilQuiet, useShop, type Pc } from '../../support/sync-harness';

const CARDS = 5_000;

describe('a new install’s first sync', () => {
  const shop = useShop(['Back office']);

  it(`pulls every card (${CARDS}) with progress, while the app answers other calls`, async () => {
    const [office] = shop().pcs as [Pc];
    await office.value('cards.importCsv', { csv: cardsCsv(100001, CARDS, 'Regular'), dryRun: false });
    await syncUntilQuiet([office]);
    expect((await shop().cloud.snapshot(shop().apiKey)).cards).toHaveLength(CARDS);

    // every pull page comes a little late, as over a real line; the new till syncs in the background
    shop().cloud.faults.set({ delayMs: 40 });
    const till = await shop().addPc('New till', { autoStart: true, longPollSeconds: 1 });
    const seen: SyncStatus[] = [];
    let answered = 0;
    for (;;) {
      const status = await till.status();
      seen.push(status);
      if (status.state === 'synced' && status.progress === null) break;
      if (status.state === 'error') throw new Error(`first sync failed: ${JSON.stringify(status.error)}`);
      // meanwhile the app answers: a search and a card
      const found = await till.value<{ total: number }>('cards.search', { query: '', limit: 5 });
      expect(found.total).toBeGreaterThanOrEqual(0);
      answered++;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    const during = seen.filter((s) => s.state === 'syncing' && s.progress !== null);
    expect(during.length).toBeGreaterThan(0);
    expect(answered).toBeGreaterThan(0);
    // progress only moves forward and ends at everything
    const done = during.map((s) => s.progress!.done);
    expect([...done].sort((x, y) => x - y)).toEqual(done);
    expect(done.some((d) => d > 0 && d < CARDS)).toBe(true);

    shop().cloud.faults.clear();
    const { cloud, pcs } = await snapshots(shop());
    expect(pcs['New till']!.cards).toEqual(cloud.cards);
    expect(pcs['New till']!.cards).toHaveLength(CARDS);
  }, 180_000);
});
