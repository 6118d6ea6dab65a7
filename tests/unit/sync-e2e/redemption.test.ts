import { describe, expect, it } from 'vitest';
import type { SyncConflict } from '../../../shared/schemas/sync';
import { expectConverged, syncUntilQuiet, useShop, walletCards, type Pc } from '../../support/sync-harness';

interface Issued {
  vouchers: Array<{ id: number; token: string; redeemCode: string | null }>;
}
interface Redeemed {
  outcome: string;
  message: string;
  voucher?: { id: number; status: string; redeemedBy: string | null; redeemedAt: number | null };
}
interface HistoryPage {
  items: Array<{ type: string; seat: string; at: number; data: Record<string, unknown> | null }>;
}

describe('the cloud decides redemption', () => {
  const shop = useShop(['Till A', 'Till B']);
  const pcs = () => shop().pcs as [Pc, Pc];

  /** A card with a voucher that both PCs know. */
  let cardId = 0;
  async function voucherOnBoth(): Promise<{ code: string; token: string; id: number }> {
    const [a, b] = pcs();
    [cardId] = (await walletCards(shop(), 1)) as [number];
    await syncUntilQuiet([a, b]);
    const issued = await a.value<Issued>('vouchers.issue', { cardId, title: 'Free cake', redeemCode: { kind: 'generated' }, validity: { kind: 'unlimited' } });
    await syncUntilQuiet([a, b]);
    const voucher = issued.vouchers[0]!;
    return { code: voucher.redeemCode!, token: voucher.token, id: voucher.id };
  }

  it('the same voucher redeemed on two PCs while both are offline: one redemption stands, the other is a conflict with both seats and times, and both histories say so', async () => {
    const [a, b] = pcs();
    const voucher = await voucherOnBoth();
    await shop().cloudDown();
    const onA = await a.value<Redeemed>('vouchers.redeem', { input: voucher.code });
    await new Promise((resolve) => setTimeout(resolve, 5));
    const onB = await b.value<Redeemed>('vouchers.redeem', { input: voucher.code });
    // offline, each PC decides for itself (provisionally)
    expect(onA.outcome).toBe('redeemed');
    expect(onB.outcome).toBe('redeemed');
    await shop().cloudUp();
    await syncUntilQuiet([a, b]);

    const cloud = await expectConverged(shop(), (actual, expected) => expect(actual).toEqual(expected));
    const standing = cloud.vouchers.find((v) => v.token === voucher.token)!;
    expect(standing).toMatchObject({ status: 'redeemed', redeemedBy: 'Till A', redeemedAt: onA.voucher!.redeemedAt });

    // exactly one conflict, on the PC whose redemption lost, naming both seats and times
    const conflicts = await b.value<SyncConflict[]>('sync.conflicts', {});
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0]).toMatchObject({ kind: 'redeemedElsewhere', operation: 'voucher.redeemed', seat: 'Till B', at: onB.voucher!.redeemedAt, voucherToken: voucher.token });
    expect(conflicts[0]!.detail).toMatchObject({ seat: 'Till A', at: onA.voucher!.redeemedAt });
    expect(await a.value<SyncConflict[]>('sync.conflicts', {})).toEqual([]);
    expect((await b.status()).conflicts).toBe(1);

    // the card's history on both PCs tells what happened: Till A's redemption stands, Till B's did not
    for (const pc of [a, b]) {
      const history = await pc.value<HistoryPage>('cards.history', { id: cardId });
      const told = JSON.stringify(history.items);
      expect(history.items.filter((item) => item.type === 'voucher_redeemed' && item.seat === 'Till A')).toHaveLength(1);
      expect(told, `${pc.name}'s history mentions Till B's attempt`).toContain('Till B');
    }
  });

  it('online, a voucher already redeemed on PC A is refused on PC B at once, with where and when, and never becomes a conflict', async () => {
    const [a, b] = pcs();
    const voucher = await voucherOnBoth();
    const onA = await a.value<Redeemed>('vouchers.redeem', { input: voucher.code });
    expect(onA.outcome).toBe('redeemed');
    // B has not pulled since: locally the voucher is still active, but the cloud answers
    const onB = await b.value<Redeemed>('vouchers.redeem', { input: voucher.code });
    expect(onB.outcome).toBe('already_redeemed');
    expect(onB.voucher).toMatchObject({ status: 'redeemed', redeemedBy: 'Till A', redeemedAt: onA.voucher!.redeemedAt });
    expect(onB.message).toContain('Till A');
    await syncUntilQuiet([a, b]);
    // staff saw the cloud's answer on the spot: nothing waits in the conflicts list
    expect(await b.value<SyncConflict[]>('sync.conflicts', {})).toEqual([]);
    expect(await a.value<SyncConflict[]>('sync.conflicts', {})).toEqual([]);
    expect((await b.status()).conflicts).toBe(0);
    const cloud = await expectConverged(shop(), (actual, expected) => expect(actual).toEqual(expected));
    expect(cloud.events.filter((e) => e.type === 'voucher_redeemed')).toHaveLength(1);
  });

  it('online, a redemption the cloud confirms is not provisional and is pushed at once', async () => {
    const [a, b] = pcs();
    const voucher = await voucherOnBoth();
    await a.value<Redeemed>('vouchers.redeem', { input: voucher.code });
    // no sync round in between: the cloud already holds it
    const snapshot = await shop().cloud.snapshot(shop().apiKey);
    expect(snapshot.vouchers.find((v) => v.token === voucher.token)).toMatchObject({ status: 'redeemed', redeemedBy: 'Till A' });
    await syncUntilQuiet([a, b]);
    expect((await b.value<{ status: string }>('vouchers.get', { id: voucher.id })).status).toBe('redeemed');
  });
});
