import { AppError } from '../../shared/api/errors';
import { CARD_TOKEN_PATTERN, cardReadings } from '../../shared/domain/keyboard-layouts';
import { toAsciiDigits } from '../../shared/domain/normalize';
import type { CardDetails } from '../../shared/schemas/cards';
import type { ScanResult, StampResult } from '../../shared/schemas/scan';
import { adjustStamps, getCardDetails } from '../cards/card-service';
import type { CallContext } from '../core/handler-types';
import type { Db } from '../db/client';
import { findLiveCardIdByNumberOrToken } from '../db/repos/card-details.repo';
import { findLiveCardIdsByTokenPattern } from '../db/repos/card-token-lookup.repo';
import { getSettings } from '../settings/settings-service';
import { redeemVoucher } from '../vouchers/redeem-voucher';
import { VOUCHER_TOKEN } from '../vouchers/tokens';
import { pauseInForce, refuseWhilePaused } from './scan-pause';

/**
 * scan.submit: one input from the Scan & Redeem field (a keyboard-wedge scanner or typing). A voucher's
 * QR token or redeem code is redeemed at once; a card's number or QR token shows the card, with how long
 * until it may take another stamp. Input typed through a Thai, Korean or Persian keyboard layout is read
 * back into the keys pressed (see shared/domain/keyboard-layouts).
 */
export function submitScan(db: Db, input: string, voucherId: number | undefined, ctx: CallContext): ScanResult {
  const now = ctx.now();
  const trimmed = input.trim();
  if (voucherId === undefined && !pauseInForce(db, now)) {
    const cardId = findScannedCard(db, trimmed);
    if (cardId !== null) {
      const card = getCardDetails(db, cardId);
      return { kind: 'card', card, stampWaitSeconds: stampWait(card, getSettings(db).scanCooldownSeconds, now) };
    }
  }
  return { kind: 'voucher', result: redeemVoucher(db, trimmed, voucherId, ctx) };
}

/**
 * The live card a scan names: its number (any digit script) or its token as typed, else as read through a
 * keyboard layout. A token whose letters' case the layout hid (Korean) must fit exactly one card.
 */
export function findScannedCard(db: Db, text: string): number | null {
  if (!VOUCHER_TOKEN.test(text.toUpperCase())) {
    const digits = toAsciiDigits(text).replace(/\s+/g, '');
    const number = /^\d{6,15}$/.test(digits) ? Number(digits) : null;
    const cardId = findLiveCardIdByNumberOrToken(db, number, CARD_TOKEN_PATTERN.test(text) ? text : null);
    if (cardId !== null) return cardId;
  }
  const readings = cardReadings(text);
  for (const number of readings.numbers) {
    const cardId = findLiveCardIdByNumberOrToken(db, number, null);
    if (cardId !== null) return cardId;
  }
  for (const pattern of readings.tokens) {
    const ids = findLiveCardIdsByTokenPattern(db, pattern);
    if (ids.length === 1) return ids[0]!;
  }
  return null;
}

function stampWait(card: CardDetails, cooldownSeconds: number, now: number): number {
  if (card.lastStampAt === null) return 0;
  return Math.max(0, Math.ceil((card.lastStampAt + cooldownSeconds * 1000 - now) / 1000));
}

/**
 * cards.addStamp: one stamp from a scan, refused while scanning is paused on this installation or within the
 * cooldown (a double scan). The stamp that completes the card issues its reward (see cards/reward-cycle.ts).
 */
export function addScanStamp(db: Db, id: number, ctx: CallContext): StampResult {
  const now = ctx.now();
  refuseWhilePaused(db, now, 'scanPause.stampRefused', 'id', { id });
  const card = getCardDetails(db, id);
  const wait = stampWait(card, getSettings(db).scanCooldownSeconds, now);
  if (wait > 0) {
    throw new AppError('conflict', 'card.stampCooldown', { field: 'id', params: { id, seconds: wait } });
  }
  return adjustStamps(db, id, 1, 'scan', ctx);
}
