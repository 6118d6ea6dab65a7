import { z } from 'zod';
import { says } from './messages';
import type { CardDetails } from './cards';
import { cardIdSchema } from './cards';
import { plainString } from './common';
import type { RedeemResult } from './vouchers';

export const scanSubmitInput = z.strictObject({
  input: plainString().trim().min(1, says('scanEmpty')).max(200, says('tooLong')),
  voucherId: z.number().int().min(1).optional(),
});

/** What Scan & Redeem found: a voucher (already redeemed or not, with the outcome) or a customer card. */
export type ScanResult =
  | { kind: 'voucher'; result: RedeemResult }
  | { kind: 'card'; card: CardDetails; /** Seconds until another stamp is allowed (0: now). */ stampWaitSeconds: number };

export const addStampInput = z.strictObject({ id: cardIdSchema });

/** scan.endPause: the pause the person saw and confirmed (a newer pause is not ended by an old confirmation). */
export const endPauseInput = z.strictObject({ pauseId: z.number().int().min(1) });

/** One scan pause of this installation: why it began, until when, and who ended it early (if anyone). */
export interface ScanPause {
  id: number;
  /** The seat name when it began. */
  seat: string;
  startedAt: number;
  until: number;
  /** Unknown codes counted when it began. */
  failures: number;
  endedAt: number | null;
  endedBy: string | null;
}

/** Whether scanning is paused on this installation now, and the latest pauses (newest first). */
export interface ScanStatus {
  pause: ScanPause | null;
  recent: ScanPause[];
}

/** A reward a stamp (or an adjustment) issued to the card as a voucher. */
export interface IssuedReward {
  voucherId: number;
  /** The voucher's QR token: redeeming it on the spot at the counter. */
  token: string;
  title: string;
  /** The reward step on the card (its goal, or a milestone before it). */
  stamps: number;
}

/** The card after stamps were added or removed, with the rewards that issued (in order). */
export type StampResult = CardDetails & { issuedRewards: IssuedReward[] };
