import type { SyncConflict } from '../../../shared/schemas/sync';

/**
 * The parts of a conflict's `detail` the list shows. The cloud's outcome names the redemption that stood
 * `{ seat, at }`; a reissued code carries the new code (and the one it replaced). Read defensively: an older row
 * or another cloud may give less.
 */
export interface ConflictFacts {
  winner: { seat: string; at: number } | null;
  oldCode: string | null;
  newCode: string | null;
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value.trim() ? value : null;
}

function instant(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

export function conflictFacts(conflict: SyncConflict): ConflictFacts {
  const d = conflict.detail ?? {};
  const seat = text(d.seat) ?? text(d.redeemedBy);
  const at = instant(d.at) ?? instant(d.redeemedAt);
  return {
    winner: seat !== null && at !== null ? { seat, at } : null,
    oldCode: text(d.oldCode) ?? text(d.previousCode),
    newCode: text(d.newCode) ?? text(d.redeemCode),
  };
}
