import { codeReadings } from '../../shared/domain/keyboard-layouts';
import { checkGeneratedInput, normalizeStaticInput } from '../../shared/domain/redeem-code';
import type { RedeemOutcome, RedeemResult } from '../../shared/schemas/vouchers';
import type { Db } from '../db/client';
import { addWireEvent } from '../db/repos/events.repo';
import { cardTokenOf } from '../db/repos/sync-wire.repo';
import { syncEnabled } from '../db/repos/sync-state.repo';
import { enqueueOutbox } from '../db/repos/outbox.repo';
import {
  findVoucher,
  findVoucherByGeneratedCode,
  findVoucherByToken,
  findVouchersByStaticCode,
  redeemIfActive,
  type VoucherRow,
} from '../db/repos/vouchers.repo';
import type { CallContext } from '../core/handler-types';
import { getSettings } from '../settings/settings-service';
import { pauseInForce, recordScanFailureAndPause } from '../scan/scan-pause';
import { sweepExpired } from './expiry';
import { VOUCHER_TOKEN } from './tokens';
import { statusAt, toSummary } from './voucher-view';

/** What an input names, before any outcome: found vouchers, a typo, or nothing it could be. */
export type VoucherLookup = { kind: 'vouchers'; vouchers: VoucherRow[] } | { kind: 'invalid_check' } | { kind: 'none' };

/**
 * Finds the voucher(s) an input names: as typed, then as the keys pressed on a Thai, Korean or Persian
 * layout (the first reading that names vouchers wins). A typo caught by the check symbol in any reading is
 * reported as such when no reading names a voucher.
 */
export function lookUpVoucherInput(db: Db, input: string): VoucherLookup {
  let typo = false;
  for (const reading of codeReadings(input.trim())) {
    const lookup = lookUpReading(db, reading);
    if (lookup.kind === 'vouchers') return lookup;
    if (lookup.kind === 'invalid_check') typo = true;
  }
  return typo ? { kind: 'invalid_check' } : { kind: 'none' };
}

/** One reading: its QR token, a generated code (check symbol first), or a POS code. */
function lookUpReading(db: Db, trimmed: string): VoucherLookup {
  if (VOUCHER_TOKEN.test(trimmed.toUpperCase())) {
    const voucher = findVoucherByToken(db, trimmed.toUpperCase());
    return voucher ? { kind: 'vouchers', vouchers: [voucher] } : { kind: 'none' };
  }
  const generated = checkGeneratedInput(trimmed);
  if (generated.kind === 'invalid_check') return { kind: 'invalid_check' };
  if (generated.kind === 'generated') {
    const voucher = findVoucherByGeneratedCode(db, generated.code);
    return voucher ? { kind: 'vouchers', vouchers: [voucher] } : { kind: 'none' };
  }
  const found = findVouchersByStaticCode(db, normalizeStaticInput(trimmed));
  return found.length > 0 ? { kind: 'vouchers', vouchers: found } : { kind: 'none' };
}

/**
 * vouchers.redeem: the outcome of scanning or typing a voucher's code at a seat. While scanning is paused on
 * this installation it is refused first; codes that name nothing are logged and, after Settings' limit within
 * 10 minutes (counted since the last pause ended), pause scanning (see electron/scan/scan-pause.ts).
 */
export function redeemVoucher(db: Db, input: string, pickedId: number | undefined, ctx: CallContext): RedeemResult {
  const now = ctx.now();
  const pause = pauseInForce(db, now);
  if (pause) {
    return { outcome: 'locked', lockedUntil: pause.until, message: `Too many unknown codes from ${ctx.seat}: scanning is paused for this seat.` };
  }
  sweepExpired(db, now);
  const lookup = lookUpVoucherInput(db, input);
  if (lookup.kind !== 'vouchers') return failed(db, lookup.kind === 'invalid_check' ? 'invalid_check' : 'unknown', input, ctx, now);

  let voucher: VoucherRow | undefined;
  if (pickedId !== undefined) {
    voucher = lookup.vouchers.find((v) => v.id === pickedId);
    if (!voucher) return failed(db, 'unknown', input, ctx, now);
  } else {
    const active = lookup.vouchers.filter((v) => statusAt(v, now) === 'active');
    if (active.length > 1) {
      return {
        outcome: 'ambiguous',
        candidates: active.map((v) => toSummary(v, now)),
        message: `${active.length} active vouchers carry this code: choose the one the customer shows.`,
      };
    }
    voucher = active[0] ?? lookup.vouchers[0];
  }
  return redeemOne(db, voucher!, ctx, now);
}

function redeemOne(db: Db, voucher: VoucherRow, ctx: CallContext, now: number): RedeemResult {
  const redeemed = db.tx(() => {
    // with sync on, the redemption is this PC's decision until the cloud confirms it
    const provisional = syncEnabled(db);
    if (!redeemIfActive(db, voucher.id, ctx.seat, now, provisional ? 'provisional' : 'confirmed')) return false;
    const { event } = addWireEvent(
      db,
      { cardId: voucher.cardId, voucherId: voucher.id, type: 'voucher_redeemed', seat: ctx.seat, at: now, data: { code: voucher.redeemCode } },
      { cardToken: cardTokenOf(db, voucher.cardId), voucherToken: voucher.token },
    );
    enqueueOutbox(db, { kind: 'voucher.redeemed', voucherToken: voucher.token, at: now, seat: ctx.seat, provisional }, [event], now);
    return true;
  });
  const current = findVoucher(db, voucher.id)!;
  const summary = toSummary(current, now);
  if (redeemed) return { outcome: 'redeemed', voucher: summary, message: `Redeemed: ${current.title}.` };
  const outcome: RedeemOutcome = summary.status === 'redeemed' ? 'already_redeemed' : summary.status === 'voided' ? 'voided' : 'expired';
  const message =
    outcome === 'already_redeemed'
      ? `Already redeemed on ${new Date(current.redeemedAt!).toISOString()} at ${current.redeemedBy}.`
      : outcome === 'voided'
        ? `This voucher was voided${current.voidReason ? `: ${current.voidReason}` : ''}.`
        : `This voucher expired on ${new Date(current.expiresAt!).toISOString()}.`;
  return { outcome, voucher: summary, message };
}

function failed(db: Db, outcome: 'unknown' | 'invalid_check', input: string, ctx: CallContext, now: number): RedeemResult {
  const { scanLockAfter } = getSettings(db);
  const locked = recordScanFailureAndPause(db, outcome, input, ctx, now);
  const message =
    outcome === 'invalid_check'
      ? 'This code has a typo: its check character does not match. Look at it again.'
      : 'No voucher has this code.';
  return locked === null ? { outcome, message } : { outcome, lockedUntil: locked, message: `${message} This seat is now paused after ${scanLockAfter} unknown codes.` };
}
