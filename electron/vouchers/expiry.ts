import type { Db } from '../db/client';
import { insertEvent } from '../db/repos/events.repo';
import { expireDue } from '../db/repos/vouchers.repo';

/**
 * Applies expiry by time: every active voucher past its expiry becomes expired, with a voucher_expired
 * event. Cheap when nothing is due (a range on a small partial index); run before reading vouchers.
 */
export function sweepExpired(db: Db, now: number): number {
  return db.tx(() => {
    const expired = expireDue(db, now);
    for (const voucher of expired) {
      insertEvent(db, { cardId: voucher.cardId, voucherId: voucher.id, type: 'voucher_expired', seat: 'system', at: voucher.expiresAt });
    }
    return expired.length;
  });
}
