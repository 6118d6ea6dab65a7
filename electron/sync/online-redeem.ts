import type { RedeemResult } from '../../shared/schemas/vouchers';
import type { Db } from '../db/client';
import { findVoucher } from '../db/repos/vouchers.repo';
import { lastOutboxSeq, markEntryConflictSeen, redemptionEntryAfter } from '../db/repos/sync-engine.repo';
import { toSummary } from '../vouchers/voucher-view';
import type { OnlineAnswer } from './outcome-waiters';

/** How long the counter waits for the cloud's word on a redemption before the local decision stands. */
export const ONLINE_REDEEM_TIMEOUT_MS = 3_000;

export interface CloudAsker {
  /** Whether the cloud is worth asking: sync on, set up, and not failing. */
  reachable(): boolean;
  /** Pushes and pulls until caught up, for at most `timeoutMs`. */
  catchUp(timeoutMs: number): Promise<void>;
  redeemOnline(entrySeq: number, timeoutMs: number): Promise<OnlineAnswer>;
}

/**
 * Scan & Redeem with the cloud as the judge, within ~3 s in all: first this PC catches up with the cloud (a pull:
 * a redemption made on another PC is now known here, so the counter hears "already redeemed at <seat>" and nothing
 * is pushed — no conflict at all); then the redemption is made here (its outbox entry, one key), pushed at once,
 * and the cloud's answer decides. Should another PC have redeemed it in between, the cloud says so and the counter
 * hears it (the voucher shows the winner's redemption; the conflict counts as seen, since it was answered at the
 * counter). No answer in time → the local decision stands, provisional, and the entry goes with the next push
 * (the same key: a lost reply never makes a second redemption).
 */
export function createOnlineRedeem(db: Db, cloud: CloudAsker, timeoutMs = ONLINE_REDEEM_TIMEOUT_MS) {
  return async function redeemAskingCloud(run: () => RedeemResult, now: () => number): Promise<RedeemResult> {
    const started = Date.now();
    const online = cloud.reachable();
    if (online) await cloud.catchUp(timeoutMs);
    const before = lastOutboxSeq(db);
    const result = run();
    if (!online || result.outcome !== 'redeemed' || !result.voucher) return result;
    const seq = redemptionEntryAfter(db, before);
    if (seq === null) return result;
    const answer = await cloud.redeemOnline(seq, Math.max(timeoutMs - (Date.now() - started), 500));
    const row = findVoucher(db, result.voucher.id);
    if (!row) return result;
    const voucher = toSummary(row, now());
    if (answer.kind === 'provisional' || answer.outcome.status === 'applied' || answer.outcome.status === 'duplicate') {
      return { ...result, voucher };
    }
    const reason = answer.outcome.reason?.key ?? '';
    if (answer.outcome.status === 'conflict' && voucher.status === 'redeemed' && /redeemedElsewhere$/.test(reason)) {
      markEntryConflictSeen(db, seq, now());
      const at = voucher.redeemedAt === null ? '' : ` on ${new Date(voucher.redeemedAt).toISOString()}`;
      return { outcome: 'already_redeemed', voucher, message: `Already redeemed${at} at ${voucher.redeemedBy ?? ''}.` };
    }
    // voided or expired in the cloud meanwhile: the counter hears that, not "redeemed"
    if (/voucherVoided$/.test(reason)) {
      markEntryConflictSeen(db, seq, now());
      return { outcome: 'voided', voucher, message: 'This voucher was voided.' };
    }
    if (/voucherExpired$/.test(reason)) {
      markEntryConflictSeen(db, seq, now());
      return { outcome: 'expired', voucher, message: 'This voucher expired.' };
    }
    // refused for another reason (the card deleted in the cloud …): the conflicts list explains it
    return { ...result, voucher };
  };
}

export type RedeemAskingCloud = ReturnType<typeof createOnlineRedeem>;
