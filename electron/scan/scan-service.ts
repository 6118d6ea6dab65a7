import { AppError } from '../../shared/api/errors';
import { toAsciiDigits } from '../../shared/domain/normalize';
import type { CardDetails } from '../../shared/schemas/cards';
import type { ScanResult } from '../../shared/schemas/scan';
import { adjustStamps, getCardDetails } from '../cards/card-service';
import type { CallContext } from '../core/handler-types';
import type { Db } from '../db/client';
import { findLiveCardIdByNumberOrToken } from '../db/repos/card-details.repo';
import { seatLockedUntil } from '../db/repos/scan-guard.repo';
import { getSettings } from '../settings/settings-service';
import { redeemVoucher } from '../vouchers/redeem-voucher';
import { VOUCHER_TOKEN } from '../vouchers/tokens';

const CARD_TOKEN = /^[A-Za-z0-9_-]{16,64}$/;

/**
 * scan.submit: one input from the Scan & Redeem field (a keyboard-wedge scanner or typing). A voucher's
 * QR token or redeem code is redeemed at once; a card's number or QR token shows the card, with how long
 * until it may take another stamp.
 */
export function submitScan(db: Db, input: string, voucherId: number | undefined, ctx: CallContext): ScanResult {
  const now = ctx.now();
  const trimmed = input.trim();
  if (voucherId === undefined && seatLockedUntil(db, ctx.seat, now) === null && !VOUCHER_TOKEN.test(trimmed.toUpperCase())) {
    const digits = toAsciiDigits(trimmed).replace(/\s+/g, '');
    const number = /^\d{6,15}$/.test(digits) ? Number(digits) : null;
    const cardId = findLiveCardIdByNumberOrToken(db, number, CARD_TOKEN.test(trimmed) ? trimmed : null);
    if (cardId !== null) {
      const card = getCardDetails(db, cardId);
      return { kind: 'card', card, stampWaitSeconds: stampWait(card, getSettings(db).scanCooldownSeconds, now) };
    }
  }
  return { kind: 'voucher', result: redeemVoucher(db, trimmed, voucherId, ctx) };
}

function stampWait(card: CardDetails, cooldownSeconds: number, now: number): number {
  if (card.lastStampAt === null) return 0;
  return Math.max(0, Math.ceil((card.lastStampAt + cooldownSeconds * 1000 - now) / 1000));
}

/** cards.addStamp: one stamp from a scan, refused within the cooldown (a double scan) or on a full card. */
export function addScanStamp(db: Db, id: number, ctx: CallContext): CardDetails {
  const card = getCardDetails(db, id);
  const wait = stampWait(card, getSettings(db).scanCooldownSeconds, ctx.now());
  if (wait > 0) {
    throw new AppError('conflict', `Card #${id} got a stamp moments ago; another is possible in ${wait} s (a double scan?).`, 'id');
  }
  return adjustStamps(db, id, 1, 'scan', ctx);
}
