import { describe, expect, it } from 'vitest';
import { cardsCsv, expectConverged, syncOnce, syncUntilQuiet, useShop, type Pc, type Shop } from '../../support/sync-harness';

/** mulberry32: a small seeded generator, so a failing run can be replayed from its seed. */
function generator(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (n: number) => Math.floor(next() * n), pick: <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]! };
}

const SEEDS = [11, 2026];
const STEPS = 60;
const FIRST_CARD = 900001;

interface Issued {
  vouchers: Array<{ redeemCode: string | null }>;
}

/**
 * Three PCs doing random stamps, issues, redemptions, new cards and deletions while the network fails at random
 * (error replies, dropped replies, duplicates, reordering, the cloud down), syncing now and then; then all sync.
 * Every database equals the cloud's, and the counters add up: for each live card, its stamps plus one goal's worth
 * per goal reached equal every stamp any PC added (none lost, none doubled).
 */
describe('randomized: three PCs, random work, a failing network', () => {
  const shop = useShop(['Till A', 'Till B', 'Till C']);

  it.each(SEEDS)('seed %i', async (seed) => {
    const s: Shop = shop();
    const random = generator(seed);
    const pcs = s.pcs as Pc[];
    await pcs[0]!.value('cards.importCsv', { csv: cardsCsv(FIRST_CARD, 6, 'Random'), dryRun: false });
    await syncUntilQuiet(pcs);
    const added = new Map<number, number>();
    const codes: string[] = [];
    let nextCard = FIRST_CARD + 100;
    let down = false;
    for (let step = 0; step < STEPS; step++) {
      const pc = random.pick(pcs);
      const card = FIRST_CARD + random.int(6);
      const roll = random.next();
      if (roll < 0.35) {
        const delta = random.pick([1, 1, 2, 3, -1]);
        const result = await pc.call('cards.adjustStamps', { id: card, delta, reason: `step ${step}` });
        if (result.ok) added.set(card, (added.get(card) ?? 0) + delta);
      } else if (roll < 0.5) {
        const result = await pc.call('vouchers.issue', { cardId: card, title: `Random ${step}`, redeemCode: { kind: 'generated' }, validity: { kind: 'unlimited' } });
        if (result.ok) codes.push((result.value as Issued).vouchers[0]!.redeemCode!);
      } else if (roll < 0.6 && codes.length > 0) {
        await pc.call('vouchers.redeem', { input: random.pick(codes) });
      } else if (roll < 0.65) {
        await pc.call('cards.importCsv', { csv: cardsCsv(nextCard++, 1, `New ${step}`), dryRun: false });
      } else if (roll < 0.68) {
        await pc.call('cards.delete', { id: card });
      } else if (roll < 0.75) {
        // the network changes
        if (down) {
          await s.cloudUp();
          down = false;
        } else if (random.next() < 0.3) {
          await s.cloudDown();
          down = true;
        } else {
          s.cloud.faults.clear();
          s.cloud.faults.set(
            random.pick([{ errorRate: 0.3, status: 503 }, { dropReplyAfterCommit: true }, { duplicateDeliveries: true }, { reorderPulls: true }, { delayMs: 50 }, {}]),
          );
        }
      } else {
        await syncOnce(pc).catch(() => undefined);
      }
    }
    if (down) await s.cloudUp();
    s.cloud.faults.clear();
    await syncUntilQuiet(pcs, 20);

    const cloud = await expectConverged(s, (actual, expected) => expect(actual).toEqual(expected));
    expect(new Set(cloud.events.map((e) => e.uid)).size).toBe(cloud.events.length);
    for (const c of cloud.cards.filter((c) => c.deletedAt === null && c.number < FIRST_CARD + 100)) {
      const goals = cloud.events.filter((e) => e.type === 'goal_reached' && e.cardToken === c.token).length;
      expect({ card: c.number, counted: c.stamps + goals * c.goal }).toEqual({ card: c.number, counted: added.get(c.number) ?? 0 });
    }
  }, 300_000);
});
