import type { Db } from '../db/client';
import { expireDue } from '../db/repos/vouchers.repo';
import { isWriteJobRunning } from '../db/write-job';

/**
 * Applies expiry by time: every active voucher past its expiry becomes expired, with a voucher_expired
 * event. Cheap when nothing is due (a range on a small partial index); run before reading vouchers.
 * Expiry goes to no outbox: every PC and the cloud apply it by the same time. Its event's uid is made from the
 * voucher's token, so the event each PC makes is one event in every history (pulled events dedupe by uid).
 */
export function sweepExpired(db: Db, now: number): number {
  // a large import or batch holds the write lock: reads go on without it, the next read or sweep catches up
  if (isWriteJobRunning(db)) return 0;
  return db.tx(() => {
    const expired = expireDue(db, now);
    for (const voucher of expired) {
      db.prepare(
        `INSERT INTO events (uid, card_id, voucher_id, type, seat, at) VALUES (?, ?, ?, 'voucher_expired', 'system', ?) ON CONFLICT(uid) DO NOTHING`,
      ).run(expiredEventUid(voucher.token), voucher.cardId, voucher.id, voucher.expiresAt);
    }
    return expired.length;
  });
}

/** The one uid of a voucher's voucher_expired event, on every PC. */
export function expiredEventUid(voucherToken: string): string {
  return `${voucherToken}.expired`;
}
