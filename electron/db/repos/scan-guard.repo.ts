import type { Db } from '../client';

/** Logs a scan that found nothing, for the brute-force guard. */
export function recordScanFailure(db: Db, seat: string, at: number, outcome: string, input: string): void {
  db.prepare('INSERT INTO scan_failures (seat, at, outcome, input) VALUES (?, ?, ?, ?)').run(seat, at, outcome, input.slice(0, 64));
}

export function countScanFailuresSince(db: Db, seat: string, since: number): number {
  return db.prepare('SELECT count(*) FROM scan_failures WHERE seat = ? AND at >= ?').pluck().get(seat, since) as number;
}

export function lockSeat(db: Db, seat: string, until: number, failures: number): void {
  db.prepare('INSERT INTO seat_locks (seat, until, failures) VALUES (?, ?, ?) ON CONFLICT(seat) DO UPDATE SET until = excluded.until, failures = excluded.failures').run(
    seat,
    until,
    failures,
  );
}

export function seatLockedUntil(db: Db, seat: string, at: number): number | null {
  const until = db.prepare('SELECT until FROM seat_locks WHERE seat = ? AND until > ?').pluck().get(seat, at) as number | undefined;
  return until ?? null;
}
