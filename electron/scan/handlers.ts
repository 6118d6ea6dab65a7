import type { HandlersFor } from '../core/handler-types';
import type { Db } from '../db/client';
import { endPause, scanStatus } from './scan-pause';

/** The scan pause at Scan & Redeem: whether scanning is paused here, and ending a pause by hand. */
export function createScanHandlers(db: Db): HandlersFor<'scan.status' | 'scan.endPause'> {
  return {
    'scan.status': (_input, ctx) => scanStatus(db, ctx.now()),
    'scan.endPause': ({ pauseId }, ctx) => endPause(db, pauseId, ctx),
  };
}
