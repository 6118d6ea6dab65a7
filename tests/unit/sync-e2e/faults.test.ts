import { describe, expect, it } from 'vitest';
import type { CloudFaults } from '../../support/cloud/index';
import { cardsCsv, expectConverged, syncOnce, syncUntilQuiet, useShop, type Pc, type Shop } from '../../support/sync-harness';
import { totalStamps } from '../../support/sync-snapshot';

/**
 * Each fault of the reference cloud, end to end: changes on both PCs while it misbehaves, then it behaves and all
 * sync. Afterwards every database equals the cloud's, each change is there once (stamps add up exactly, each
 * history event once), nothing is pending.
 */
describe('faults between the PCs and the cloud', () => {
  const shop = useShop(['Till A', 'Till B']);

  async function busyDay(s: Shop): Promise<number> {
    const [a, b] = s.pcs as [Pc, Pc];
    let stamps = 0;
    for (let i = 0; i < 4; i++) {
      await a.value('cards.adjustStamps', { id: 700001 + (i % 3), delta: 2, reason: `A ${i}` });
      await b.value('cards.adjustStamps', { id: 700001 + ((i + 1) % 3), delta: 1, reason: `B ${i}` });
      stamps += 3;
    }
    await a.value('vouchers.issue', { cardId: 700002, title: 'Fault voucher', redeemCode: { kind: 'generated' }, validity: { kind: 'unlimited' } });
    await b.value('cards.importCsv', { csv: cardsCsv(700101, 2, 'During'), dryRun: false });
    return stamps;
  }

  async function converges(s: Shop, expectedStamps: number) {
    const [a, b] = s.pcs as [Pc, Pc];
    s.cloud.faults.clear();
    await syncUntilQuiet([a, b]);
    const cloud = await expectConverged(s, (actual, expected) => expect(actual).toEqual(expected));
    expect(totalStamps(cloud)).toBe(expectedStamps);
    expect(cloud.cards).toHaveLength(5);
    expect(cloud.vouchers).toHaveLength(1);
    expect(new Set(cloud.events.map((e) => e.uid)).size).toBe(cloud.events.length);
    expect(cloud.events.filter((e) => e.type === 'voucher_issued')).toHaveLength(1);
    for (const pc of [a, b]) expect((await pc.status()).pending).toBe(0);
  }

  async function start(s: Shop) {
    const [a, b] = s.pcs as [Pc, Pc];
    await a.value('cards.importCsv', { csv: cardsCsv(700001, 3), dryRun: false });
    await syncUntilQuiet([a, b]);
  }

  /** Syncs each PC a few times under the fault; failures are expected and ignored. */
  async function roundsUnder(s: Shop, faults: Partial<CloudFaults>, rounds = 3) {
    s.cloud.faults.set(faults);
    for (let i = 0; i < rounds; i++) for (const pc of s.pcs) await syncOnce(pc).catch(() => undefined);
  }

  it('replies dropped after the cloud committed: the retry is answered as a duplicate, applied once', async () => {
    await start(shop());
    const stamps = await busyDay(shop());
    await roundsUnder(shop(), { dropReplyAfterCommit: true });
    const status = await shop().pcs[0]!.status();
    expect(status.pending).toBeGreaterThan(0);
    await converges(shop(), stamps);
  });

  it('duplicate deliveries of pushes and pulls', async () => {
    await start(shop());
    const stamps = await busyDay(shop());
    await roundsUnder(shop(), { duplicateDeliveries: true });
    await converges(shop(), stamps);
  });

  it('reordered pulls', async () => {
    await start(shop());
    const stamps = await busyDay(shop());
    await roundsUnder(shop(), { reorderPulls: true }, 4);
    await converges(shop(), stamps);
  });

  it('500s on every other request, and slow replies', async () => {
    await start(shop());
    const stamps = await busyDay(shop());
    await roundsUnder(shop(), { errorRate: 0.5, status: 500 });
    await roundsUnder(shop(), { delayMs: 300 }, 1);
    await converges(shop(), stamps);
  });

  it('the cloud fails in the middle of a push, then restarts', async () => {
    await start(shop());
    const stamps = await busyDay(shop());
    await roundsUnder(shop(), { failNextPushMidway: true }, 1);
    await shop().cloud.restart();
    await converges(shop(), stamps);
  });

  it('the cloud restarts while a long push is under way', async () => {
    await start(shop());
    const [a] = shop().pcs as [Pc, Pc];
    // more entries than one push page holds
    await a.value('cards.importCsv', { csv: cardsCsv(710001, 450, 'Many'), dryRun: false });
    shop().cloud.faults.set({ delayMs: 50 });
    const pushing = syncOnce(a).catch(() => undefined);
    await new Promise((resolve) => setTimeout(resolve, 120));
    await shop().cloud.restart();
    await pushing;
    shop().cloud.faults.clear();
    await syncUntilQuiet(shop().pcs);
    const cloud = await expectConverged(shop(), (actual, expected) => expect(actual).toEqual(expected));
    expect(cloud.cards).toHaveLength(453);
    expect(new Set(cloud.events.map((e) => e.uid)).size).toBe(cloud.events.length);
  });
});
