import { AppError } from '../../shared/api/errors';
import type { ScanStatus } from '../../shared/schemas/scan';
import type { CallContext } from '../core/handler-types';
import type { Db } from '../db/client';
import {
  countScanFailuresSince,
  currentPause,
  endPauseIfActive,
  insertPause,
  installationId,
  lastPauseEnd,
  recentPauses,
  recordScanFailure,
  type ScanPauseRow,
} from '../db/repos/scan-guard.repo';
import { getSettings } from '../settings/settings-service';

/** Unknown codes are counted over this window (and only since the last pause ended). */
export const FAILURE_WINDOW = 10 * 60_000;
const RECENT_PAUSES = 5;

/**
 * The scan pause: the guard against guessing voucher codes at Scan & Redeem. It belongs to this installation
 * (one id per data folder), not to the seat name in Settings, so renaming the seat neither lifts a pause nor
 * resets the count. Events keep recording the seat name.
 */
export function pauseInForce(db: Db, now: number): ScanPauseRow | undefined {
  return currentPause(db, installationId(db), now);
}

/**
 * Logs a scan that found nothing; when the failures since the last pause ended (within the window) reach
 * Settings' limit, scanning pauses. Returns when the new pause ends, or null.
 */
export function recordScanFailureAndPause(db: Db, outcome: string, input: string, ctx: CallContext, now: number): number | null {
  const { scanLockAfter, scanLockMinutes } = getSettings(db);
  return db.tx(() => {
    const installation = installationId(db);
    recordScanFailure(db, installation, ctx.seat, now, outcome, input);
    const since = Math.max(now - FAILURE_WINDOW, lastPauseEnd(db, installation, now) ?? 0);
    const failures = countScanFailuresSince(db, installation, since);
    if (failures < scanLockAfter) return null;
    const until = now + scanLockMinutes * 60_000;
    insertPause(db, installation, ctx.seat, now, until, failures);
    return until;
  });
}

/** Throws `scanPause.<key>` (conflict) when scanning is paused now. */
export function refuseWhilePaused(db: Db, now: number, key: 'scanPause.stampRefused' | 'scanPause.settingsLocked', field: string, params = {}): void {
  if (pauseInForce(db, now)) throw new AppError('conflict', key, { field, params });
}

export function scanStatus(db: Db, now: number): ScanStatus {
  const installation = installationId(db);
  return { pause: currentPause(db, installation, now) ?? null, recent: recentPauses(db, installation, RECENT_PAUSES) };
}

/** scan.endPause: a person ends the pause they saw (after a confirmation); who and when stay in its row. */
export function endPause(db: Db, pauseId: number, ctx: CallContext): ScanStatus {
  const now = ctx.now();
  if (!endPauseIfActive(db, pauseId, installationId(db), ctx.seat, now)) {
    throw new AppError('conflict', 'scanPause.notPaused', { field: 'pauseId' });
  }
  return scanStatus(db, now);
}
