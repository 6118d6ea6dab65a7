import { describe, expect, it } from 'vitest';
import { cardsCsv, expectConverged, syncOnce, syncUntilQuiet, useShop, type Pc } from '../../support/sync-harness';

describe('offline first', () => {
  const shop = useShop(['Till A', 'Till B']);
  const pcs = () => shop().pcs as [Pc, Pc];

  async function sharedCards(count = 3) {
    const [a, b] = pcs();
    await a.value('cards.importCsv', { csv: cardsCsv(400001, count), dryRun: false });
    await syncUntilQuiet([a, b]);
  }

  it('changes made while the cloud is down sync when it is back: nothing lost, nothing applied twice', async () => {
    const [a, b] = pcs();
    await sharedCards();
    await shop().cloudDown();
    await a.value('cards.importCsv', { csv: cardsCsv(400101, 2, 'Offline'), dryRun: false });
    await a.value('cards.adjustStamps', { id: 400001, delta: 2, reason: 'Offline' });
    await a.value('vouchers.issue', { cardId: 400002, title: 'Cake', redeemCode: { kind: 'generated' }, validity: { kind: 'unlimited' } });
    await b.value('cards.addStamp', { id: 400003 });

    const offline = await syncOnce(a);
    expect(offline.state).toBe('offline');
    expect(offline.offlineSince).not.toBeNull();
    expect(offline.pending).toBeGreaterThan(0);
    // trying again while down changes nothing
    await syncOnce(a);
    await syncOnce(b);

    await shop().cloudUp();
    await syncUntilQuiet([a, b]);
    const cloud = await expectConverged(shop(), (actual, expected) => expect(actual).toEqual(expected));
    expect(cloud.cards.map((c) => c.number).sort()).toEqual([400001, 400002, 400003, 400101, 400102]);
    expect(cloud.cards.find((c) => c.number === 400001)!.stamps).toBe(2);
    expect(cloud.cards.find((c) => c.number === 400003)!.stamps).toBe(1);
    expect(cloud.vouchers).toHaveLength(1);
    expect(new Set(cloud.events.map((e) => e.uid)).size).toBe(cloud.events.length);
    expect((await a.status()).pending).toBe(0);
  });

  it('stamps added on both PCs while offline add up', async () => {
    const [a, b] = pcs();
    await sharedCards();
    await a.value('cards.adjustStamps', { id: 400001, delta: 1, reason: 'Start' });
    await syncUntilQuiet([a, b]);
    await shop().cloudDown();
    await a.value('cards.adjustStamps', { id: 400001, delta: 2, reason: 'Till A offline' });
    await b.value('cards.adjustStamps', { id: 400001, delta: 3, reason: 'Till B offline' });
    await b.value('cards.adjustStamps', { id: 400001, delta: -1, reason: 'Till B correction' });
    // each PC shows its own stamps on top of what it knew
    expect((await a.value<{ stamps: number }>('cards.get', { id: 400001 })).stamps).toBe(3);
    expect((await b.value<{ stamps: number }>('cards.get', { id: 400001 })).stamps).toBe(3);
    await shop().cloudUp();
    await syncUntilQuiet([a, b]);
    const cloud = await expectConverged(shop(), (actual, expected) => expect(actual).toEqual(expected));
    expect(cloud.cards.find((c) => c.number === 400001)!.stamps).toBe(5);
    expect((await a.value<{ stamps: number }>('cards.get', { id: 400001 })).stamps).toBe(5);
  });

  it.each(['deleting PC first', 'stamping PC first'])('a deletion on one PC wins over a later stamp on the other (%s)', async (order) => {
    const [a, b] = pcs();
    await sharedCards();
    await shop().cloudDown();
    await a.value('cards.delete', { id: 400002 });
    await new Promise((resolve) => setTimeout(resolve, 5));
    await b.value('cards.adjustStamps', { id: 400002, delta: 4, reason: 'Later' });
    await shop().cloudUp();
    await syncUntilQuiet(order === 'deleting PC first' ? [a, b] : [b, a]);
    const cloud = await expectConverged(shop(), (actual, expected) => expect(actual).toEqual(expected));
    expect(cloud.cards.find((c) => c.number === 400002)!.deletedAt).not.toBeNull();
    expect(cloud.cards.find((c) => c.number === 400002)!.deletedBy).toBe('Till A');
    expect((await b.value<{ deletedAt: number | null }>('cards.get', { id: 400002 })).deletedAt).not.toBeNull();
    if (order === 'deleting PC first') {
      // the stamp reached a deleted card: refused, and Till B's staff see why
      const conflicts = await b.value<Array<{ kind: string; operation: string }>>('sync.conflicts', {});
      expect(conflicts).toEqual([expect.objectContaining({ kind: 'cardDeleted', operation: 'card.stamps' })]);
    }
  });

  it('a redemption refused because another PC deleted the card: the voucher shows the cloud’s state again, on every PC', async () => {
    const [a, b] = pcs();
    await sharedCards();
    const issued = await a.value<{ vouchers: Array<{ id: number; redeemCode: string | null }> }>('vouchers.issue', {
      cardId: 400001,
      title: 'Late cake',
      redeemCode: { kind: 'generated' },
      validity: { kind: 'unlimited' },
    });
    await syncUntilQuiet([a, b]);
    await b.value('cards.delete', { id: 400001 });
    await syncOnce(b);
    // A has not heard of the deletion and is offline when the customer shows the voucher
    await shop().cloudDown();
    expect((await a.value<{ outcome: string }>('vouchers.redeem', { input: issued.vouchers[0]!.redeemCode! })).outcome).toBe('redeemed');
    await shop().cloudUp();
    await syncUntilQuiet([a, b]);
    const conflicts = await a.value<Array<{ kind: string; operation: string }>>('sync.conflicts', {});
    expect(conflicts).toEqual([expect.objectContaining({ kind: 'cardDeleted', operation: 'voucher.redeemed' })]);
    await expectConverged(shop(), (actual, expected) => expect(actual).toEqual(expected));
  });
});
