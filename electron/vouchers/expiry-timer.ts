import type { Db } from '../db/client';
import { sweepExpired } from './expiry';

export const EXPIRY_SWEEP_INTERVAL_MS = 60_000;

/**
 * Applies expiry by time in the background, so a voucher_expired event reaches the card's history (and,
 * with sync, the cloud) about when the voucher expires, even if nobody opens the vouchers. Reads already
 * sweep first; this covers the vouchers nobody reads. Returns a stop function.
 */
export function startExpirySweeps(db: Db, now: () => number, intervalMs = EXPIRY_SWEEP_INTERVAL_MS): () => void {
  const sweep = () => {
    try {
      sweepExpired(db, now());
    } catch (error) {
      // a busy or closing database: the next sweep, or the next read, catches up
      console.warn('Expiry sweep skipped:', error instanceof Error ? error.message : error);
    }
  };
  const first = setTimeout(sweep, 0);
  const timer = setInterval(sweep, intervalMs);
  first.unref?.();
  timer.unref?.();
  return () => {
    clearTimeout(first);
    clearInterval(timer);
  };
}
