import { describe, expect, it } from 'vitest';
import type { SyncConflict } from '../../../shared/schemas/sync';
import { expectConverged, syncOnce, syncUntilQuiet, useShop, walletCards, type Pc } from '../../support/sync-harness';

interface Issued {
  vouchers: Array<{ id: number; token: string; redeemCode: string | null }>;
}

describe('generated codes across PCs', () => {
  const shop = useShop(['Till A', 'Till B']);

  it('a code that collides with another PC’s code is refused by the cloud and reissued, visibly', async () => {
    const [a, b] = shop().pcs as [Pc, Pc];
    const [first, second] = (await walletCards(shop(), 2)) as [number, number];
    await syncUntilQuiet([a, b]);
    const issue = (pc: Pc, cardId: number) =>
      pc.value<Issued>('vouchers.issue', { cardId, title: 'Free tea', redeemCode: { kind: 'generated' }, validity: { kind: 'unlimited' } });
    const onA = (await issue(a, first)).vouchers[0]!;
    const onB = (await issue(b, second)).vouchers[0]!;
    // force the collision: B's voucher gets A's code, in its table and in its waiting outbox entry
    const bDb = b.core().db.sqlite;
    bDb.prepare('UPDATE vouchers SET redeem_code = ? WHERE id = ?').run(onA.redeemCode, onB.id);
    const changed = bDb
      .prepare("UPDATE outbox SET payload = replace(payload, ?, ?) WHERE confirmed_at IS NULL AND payload LIKE '%' || ? || '%'")
      .run(onB.redeemCode, onA.redeemCode, onB.redeemCode).changes;
    expect(changed).toBe(1);

    await syncOnce(a);
    await syncUntilQuiet([b, a]);

    const reissued = await b.value<{ redeemCode: string | null; status: string }>('vouchers.get', { id: onB.id });
    expect(reissued.status).toBe('active');
    expect(reissued.redeemCode).not.toBe(onA.redeemCode);
    expect(reissued.redeemCode).not.toBeNull();
    const conflicts = await b.value<SyncConflict[]>('sync.conflicts', {});
    expect(conflicts).toEqual([expect.objectContaining({ kind: 'codeReissued', voucherToken: onB.token })]);
    expect(JSON.stringify(conflicts[0]!.detail)).toContain(reissued.redeemCode!);

    const cloud = await expectConverged(shop(), (actual, expected) => expect(actual).toEqual(expected));
    const codes = cloud.vouchers.map((v) => v.redeemCode);
    expect(new Set(codes).size).toBe(2);
    // the new code redeems on the other PC
    expect((await a.value<{ outcome: string }>('vouchers.redeem', { input: reissued.redeemCode! })).outcome).toBe('redeemed');
  });
});
