import { beforeEach, describe, expect, it } from 'vitest';
import { checkGeneratedInput } from '../../../../shared/domain/redeem-code';
import type { EntryOutcome } from '../../../../shared/schemas/sync-protocol';
import { pendingCount, pendingEntries, recordOutcomes } from '../../../../electron/db/repos/sync-outbox.repo';
import { listConflicts, markConflictSeen, unseenConflictCount } from '../../../../electron/db/repos/sync-conflicts.repo';
import { deviceIdOf, setSyncValue } from '../../../../electron/db/repos/sync-state.repo';
import { onOutboxWrite } from '../../../../electron/db/outbox-signal';
import { useTempCore } from '../../../support/temp-core';

const HEADER = 'card_id,name,email,phone,template_id,template_version,stamps,goal,platforms,created_at,last_stamp_at';
const ROWS = ['113772,Olivia Smith,olivia@example.com,,1024,2,2,8,web,2026-01-10T09:00:00Z,'];
const T0 = Date.UTC(2026, 10, 23, 12);

describe('recordOutcomes: what the cloud answered, settled here', () => {
  const core = useTempCore({ now: () => T0 });
  const value = async <T>(method: string, input: unknown, seat?: string): Promise<T> => {
    const result = await core().call(method, input, seat);
    if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
    return result.value as T;
  };
  const db = () => core().db;
  const outcome = (seq: number, status: EntryOutcome['status'], reason: EntryOutcome['reason'] = null, detail: EntryOutcome['detail'] = null): EntryOutcome => {
    const entry = pendingEntries(db(), 1000).find((e) => e.seq === seq)!;
    return { seq, key: entry.key, status, reason, detail };
  };
  const last = () => pendingEntries(db(), 1000).at(-1)!;
  const voucher = (token: string) =>
    db().sqlite.prepare('SELECT status, redeem_code AS code, redeemed_at AS at, redeemed_by AS seat, redeem_state AS state FROM vouchers WHERE token = ?').get(token) as {
      status: string;
      code: string;
      at: number;
      seat: string;
      state: string | null;
    };

  beforeEach(async () => {
    setSyncValue(db(), 'enabled', 'true');
    await value('cards.importCsv', { csv: [HEADER, ...ROWS].join('\n'), dryRun: false });
  });

  it('applied and duplicate confirm entries (no longer pending); a provisional redemption becomes confirmed', async () => {
    const issued = await value<{ vouchers: Array<{ token: string; redeemCode: string }> }>('vouchers.issue', { title: 'P', redeemCode: { kind: 'generated' }, validity: { kind: 'unlimited' }, quantity: 2 });
    await value('vouchers.redeem', { input: issued.vouchers[0]!.redeemCode });
    expect(last().operation).toMatchObject({ kind: 'voucher.redeemed', provisional: true });
    expect(voucher(issued.vouchers[0]!.token).state).toBe('provisional');
    expect(pendingCount(db())).toBe(4);
    recordOutcomes(db(), [outcome(1, 'applied'), outcome(2, 'duplicate'), outcome(3, 'applied'), outcome(4, 'applied')], T0);
    expect(pendingCount(db())).toBe(0);
    expect(voucher(issued.vouchers[0]!.token).state).toBe('confirmed');
    expect(listConflicts(db(), true)).toEqual([]);
    // an outcome whose key is not the entry's is not ours: ignored
    await value('cards.adjustStamps', { id: 113772, delta: 1, reason: 'x' });
    recordOutcomes(db(), [{ ...outcome(5, 'applied'), key: 'someone-else' }], T0);
    expect(pendingCount(db())).toBe(1);
  });

  it('a redemption another PC made first: the voucher shows the winner, the history says this one did not stand, one conflict with both seats and times', async () => {
    const issued = await value<{ vouchers: Array<{ id: number; token: string }> }>('vouchers.issue', { title: 'Cake', cardId: 113772, redeemCode: null, validity: { kind: 'unlimited' } });
    await value('scan.submit', { input: issued.vouchers[0]!.token }, 'Till 2');
    const redeem = last();
    const winner = { seat: 'Till 1', at: T0 - 60_000, deviceId: 'other-pc' };
    const answer: EntryOutcome = { seq: redeem.seq, key: redeem.key, status: 'conflict', reason: { key: 'redeemedElsewhere', params: { seat: 'Till 1', at: winner.at } }, detail: winner };
    recordOutcomes(db(), [answer], T0 + 1000);
    recordOutcomes(db(), [answer], T0 + 2000); // heard again by pull: nothing more
    expect(voucher(issued.vouchers[0]!.token)).toMatchObject({ status: 'redeemed', seat: 'Till 1', at: winner.at, state: 'confirmed' });
    const history = await value<{ items: Array<{ type: string; data: Record<string, unknown> }> }>('cards.history', { id: 113772 });
    const notes = history.items.filter((e) => e.type === 'voucher_redeemed');
    expect(notes).toHaveLength(2);
    expect(notes[0]!.data).toMatchObject({ conflict: 'redeemedElsewhere', standing: { seat: 'Till 1' }, refused: { seat: 'Till 2', at: T0, deviceId: deviceIdOf(db()) } });
    const conflicts = listConflicts(db(), false);
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0]).toMatchObject({
      kind: 'redeemedElsewhere',
      operation: 'voucher.redeemed',
      seat: 'Till 2',
      at: T0,
      voucherToken: issued.vouchers[0]!.token,
      label: 'Cake',
      reason: { key: 'sync.redeemedElsewhere', params: { seat: 'Till 1' } },
      detail: { seat: 'Till 1', at: winner.at, localSeat: 'Till 2', localAt: T0 },
      seenAt: null,
    });
    expect(unseenConflictCount(db())).toBe(1);
    expect(markConflictSeen(db(), conflicts[0]!.id, T0 + 5000).seenAt).toBe(T0 + 5000);
    expect(unseenConflictCount(db())).toBe(0);
    expect(listConflicts(db(), false)).toEqual([]);
    expect(listConflicts(db(), true)).toHaveLength(1);
  });

  it('a generated code another PC holds: a new code here, a voucher.recoded entry, a codeReissued conflict with both codes', async () => {
    const issued = await value<{ vouchers: Array<{ token: string; redeemCode: string }> }>('vouchers.issue', { title: 'P', redeemCode: { kind: 'generated' }, validity: { kind: 'unlimited' }, quantity: 2 });
    const entry = pendingEntries(db(), 100).find((e) => e.operation.kind === 'voucher.issued' && e.operation.voucher.token === issued.vouchers[1]!.token)!;
    const old = issued.vouchers[1]!.redeemCode;
    recordOutcomes(db(), [{ seq: entry.seq, key: entry.key, status: 'conflict', reason: { key: 'codeTaken', params: { code: old } }, detail: { redeemCode: old } }], T0);
    const fresh = voucher(issued.vouchers[1]!.token).code;
    expect(fresh).not.toBe(old);
    expect(checkGeneratedInput(fresh).kind).toBe('generated');
    expect(last().operation).toMatchObject({ kind: 'voucher.recoded', voucherToken: issued.vouchers[1]!.token, redeemCode: fresh });
    expect(listConflicts(db(), false)).toMatchObject([{ kind: 'codeReissued', reason: { key: 'sync.codeTaken' }, detail: { oldCode: old, newCode: fresh } }]);
    // the old code redeems nothing now; the new one does
    expect(await value<{ outcome: string }>('vouchers.redeem', { input: old })).toMatchObject({ outcome: 'unknown' });
    expect(await value<{ outcome: string }>('vouchers.redeem', { input: fresh })).toMatchObject({ outcome: 'redeemed' });
  });

  it('rejected: a stamp change on a card deleted in the cloud is taken back and listed as cardDeleted; other rejections as rejected', async () => {
    await value('cards.adjustStamps', { id: 113772, delta: 3, reason: 'x' });
    await value('cards.sendMessage', { id: 113772, email: { subject: 'Hi', body: 'Hello' } });
    const [stamps, message] = pendingEntries(db(), 100).slice(-2);
    recordOutcomes(
      db(),
      [
        { seq: stamps!.seq, key: stamps!.key, status: 'rejected', reason: { key: 'cardDeleted', params: { card: 'x' } }, detail: null },
        { seq: message!.seq, key: message!.key, status: 'rejected', reason: { key: 'messageExists', params: { message: 'm' } }, detail: null },
      ],
      T0,
    );
    expect(db().sqlite.prepare('SELECT stamps FROM cards WHERE id = 113772').pluck().get()).toBe(2);
    expect(listConflicts(db(), false).map((c) => [c.kind, c.operation, c.reason.key, c.label])).toEqual([
      ['rejected', 'message.sent', 'sync.messageExists', 'Olivia Smith'],
      ['cardDeleted', 'card.stamps', 'sync.cardDeleted', 'Olivia Smith'],
    ]);
    expect(pendingCount(db())).toBe(1); // the import's card.created is still waiting
  });

  it('a rejected redemption (the card was deleted elsewhere) leaves the voucher as the cloud has it: active, and listed', async () => {
    const issued = await value<{ vouchers: Array<{ token: string }> }>('vouchers.issue', { title: 'Cake', cardId: 113772, redeemCode: null, validity: { kind: 'unlimited' } });
    await value('scan.submit', { input: issued.vouchers[0]!.token }, 'Till 2');
    const redeem = last();
    recordOutcomes(db(), [{ seq: redeem.seq, key: redeem.key, status: 'rejected', reason: { key: 'cardDeleted', params: {} }, detail: null }], T0);
    expect(voucher(issued.vouchers[0]!.token)).toMatchObject({ status: 'active', seat: null, at: null, state: null });
    expect(listConflicts(db(), false)).toMatchObject([{ kind: 'cardDeleted', operation: 'voucher.redeemed', voucherToken: issued.vouchers[0]!.token, seat: 'Till 2' }]);
  });

  it('the engine hears of a change after its transaction, once per turn', async () => {
    let heard = 0;
    let pendingWhenHeard = -1;
    const off = onOutboxWrite(() => {
      heard++;
      pendingWhenHeard = pendingCount(db());
    });
    try {
      await value('cards.adjustStamps', { id: 113772, delta: 1, reason: 'x' });
      await value('cards.adjustStamps', { id: 113772, delta: 1, reason: 'y' });
      expect(heard).toBe(0); // not inside the change
      await new Promise((resolve) => setImmediate(resolve));
      expect(heard).toBe(1);
      expect(pendingWhenHeard).toBe(3);
    } finally {
      off();
    }
    await value('cards.adjustStamps', { id: 113772, delta: 1, reason: 'z' });
    await new Promise((resolve) => setImmediate(resolve));
    expect(heard).toBe(1);
  });
});
