import { z } from 'zod';
import { says } from './messages';
import type { CardDetails } from './cards';
import { cardIdSchema } from './cards';
import type { RedeemResult } from './vouchers';

export const scanSubmitInput = z.strictObject({
  input: z.string().trim().min(1, says('scanEmpty')).max(200, says('tooLong')),
  voucherId: z.number().int().min(1).optional(),
});

/** What Scan & Redeem found: a voucher (already redeemed or not, with the outcome) or a customer card. */
export type ScanResult =
  | { kind: 'voucher'; result: RedeemResult }
  | { kind: 'card'; card: CardDetails; /** Seconds until another stamp is allowed (0: now). */ stampWaitSeconds: number };

export const addStampInput = z.strictObject({ id: cardIdSchema });
