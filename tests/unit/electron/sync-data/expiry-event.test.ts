import { describe, expect, it } from 'vitest';
import { applyChanges } from '../../../../electron/db/repos/sync-apply.repo';
import { pendingEntries } from '../../../../electron/db/repos/sync-outbox.repo';
import { deviceIdOf } from '../../../../electron/db/repos/sync-state.repo';
import { expiredEventUid } from '../../../../electron/vouchers/expiry';
import { useTempCore } from '../../../support/temp-core';

const T0 = Date.UTC(2026, 10, 23, 12);

describe('expiry is the same event on every PC', () => {
  let now = T0;
  const core = useTempCore({ now: () => now });
  it("a voucher's voucher_expired event has one uid everywhere, goes to no outbox, and the same event pulled from elsewhere is not added twice", async () => {
    const issued = await core().call('vouchers.issue', { title: 'P', redeemCode: { kind: 'generated' }, validity: { kind: 'days', days: 1 }, quantity: 2 });
    if (!issued.ok) throw new Error(issued.error.message);
    const [first] = (issued.value as { vouchers: Array<{ id: number; token: string }> }).vouchers;
    const before = pendingEntries(core().db, 100).length;
    now = T0 + 2 * 86_400_000;
    await core().call('vouchers.get', { id: first!.id }); // reading sweeps expiry
    const uid = expiredEventUid(first!.token);
    const rows = () => core().db.sqlite.prepare("SELECT uid FROM events WHERE type = 'voucher_expired' AND voucher_id = ?").pluck().all(first!.id);
    expect(rows()).toEqual([uid]);
    expect(pendingEntries(core().db, 100)).toHaveLength(before);
    applyChanges(core().db, [{ version: 1, entity: 'event', event: { uid, type: 'voucher_expired', cardToken: null, voucherToken: first!.token, seat: 'system', at: now, data: null } }], 'e:1', deviceIdOf(core().db), now);
    expect(rows()).toEqual([uid]);
  });
});
