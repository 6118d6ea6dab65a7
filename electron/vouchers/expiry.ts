import type { Db } from '../db/client';
import { insertEvent } from '../db/repos/events.repo';
import { expireDue } from '../db/repos/vouchers.repo';
import { isWriteJobRunning } from '../db/write-job';

/**
 * Applies expiry by time: every active voucher past its expiry becomes expired, with a voucher_expired
 * event. Cheap when nothing is due (a range on a small partial index); run before reading vouchers.
 */
export function sweepExpired(db: Db, now: number): number {
  // a large import or batch holds the write lock: reads go on without it, the next read or sweep catches up
  if (isWriteJobRunning(db)) return 0;
  return db.tx(() => {
    const expired = expireDue(db, now);
    for (const voucher of expired) {
      insertEvent(db, { cardId: voucher.cardId, voucherId: voucher.id, type: 'voucher_expired', seat: 'system', at: voucher.expiresAt });
    }
    return expired.length;
  });
}
