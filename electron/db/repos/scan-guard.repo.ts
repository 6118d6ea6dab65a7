import type { Db } from '../client';
import type { ScanPause } from '../../../shared/schemas/scan';

/** This data folder's installation id (made once by migration 0008). */
export function installationId(db: Db): string {
  return db.prepare('SELECT installation_id FROM installation WHERE id = 1').pluck().get() as string;
}

/** Logs a scan that found nothing, for the guard: by installation, with the seat name of the moment. */
export function recordScanFailure(db: Db, installation: string, seat: string, at: number, outcome: string, input: string): void {
  db.prepare('INSERT INTO scan_failures (installation_id, seat, at, outcome, input) VALUES (?, ?, ?, ?, ?)').run(
    installation,
    seat,
    at,
    outcome,
    input.slice(0, 64),
  );
}

export function countScanFailuresSince(db: Db, installation: string, since: number): number {
  return db.prepare('SELECT count(*) FROM scan_failures WHERE installation_id = ? AND at >= ?').pluck().get(installation, since) as number;
}

/** A scan pause as stored: the API's ScanPause, row for row. */
export type ScanPauseRow = ScanPause;

const PAUSE_COLUMNS = 'id, seat, started_at AS startedAt, until, failures, ended_at AS endedAt, ended_by AS endedBy';

export function insertPause(db: Db, installation: string, seat: string, startedAt: number, until: number, failures: number): number {
  const result = db
    .prepare('INSERT INTO scan_pauses (installation_id, seat, started_at, until, failures) VALUES (?, ?, ?, ?, ?)')
    .run(installation, seat, startedAt, until, failures);
  return Number(result.lastInsertRowid);
}

/** The pause in force at `at`, if any. */
export function currentPause(db: Db, installation: string, at: number): ScanPauseRow | undefined {
  return db
    .prepare(`SELECT ${PAUSE_COLUMNS} FROM scan_pauses WHERE installation_id = ? AND ended_at IS NULL AND until > ? ORDER BY id DESC LIMIT 1`)
    .get(installation, at) as ScanPauseRow | undefined;
}

/** When the last pause that began by `at` ended (ran out or was ended by a person); null when there was none. */
export function lastPauseEnd(db: Db, installation: string, at: number): number | null {
  const end = db
    .prepare('SELECT max(coalesce(ended_at, until)) FROM scan_pauses WHERE installation_id = ? AND started_at <= ?')
    .pluck()
    .get(installation, at) as number | null;
  return end ?? null;
}

/** Ends a pause early; false when it was not in force any more. */
export function endPauseIfActive(db: Db, id: number, installation: string, seat: string, at: number): boolean {
  return (
    db
      .prepare('UPDATE scan_pauses SET ended_at = ?, ended_by = ? WHERE id = ? AND installation_id = ? AND ended_at IS NULL AND until > ?')
      .run(at, seat, id, installation, at).changes === 1
  );
}

/** The latest pauses, newest first. */
export function recentPauses(db: Db, installation: string, limit: number): ScanPauseRow[] {
  return db
    .prepare(`SELECT ${PAUSE_COLUMNS} FROM scan_pauses WHERE installation_id = ? ORDER BY id DESC LIMIT ?`)
    .all(installation, limit) as ScanPauseRow[];
}
