import type { OperationProgress } from '../../shared/schemas/operations';

/** How long a finished operation still answers `done` (a last poll may come after the call answered). */
const KEEP_FINISHED_MS = 60_000;
/** At most this many operations are remembered; the oldest go first. */
const MAX_ENTRIES = 200;

export interface ProgressBoard {
  /** Records how far the operation `id` is. */
  report(id: string, progress: OperationProgress): void;
  /** The operation's call has answered. */
  finish(id: string): void;
  /** How far `id` is; null when it is unknown or long over. */
  read(id: string): OperationProgress | null;
}

/** Progress of long calls by the operation id their caller chose; kept in memory only. */
export function createProgressBoard(now: () => number = Date.now): ProgressBoard {
  const entries = new Map<string, { progress: OperationProgress; finishedAt: number | null }>();
  const forget = () => {
    for (const [id, entry] of entries) {
      if (entries.size > MAX_ENTRIES || (entry.finishedAt !== null && now() - entry.finishedAt > KEEP_FINISHED_MS)) entries.delete(id);
    }
  };
  return {
    report(id, progress) {
      const entry = entries.get(id);
      if (entry?.finishedAt != null) return;
      if (entry) entry.progress = progress;
      else {
        entries.set(id, { progress, finishedAt: null });
        forget();
      }
    },
    finish(id) {
      const entry = entries.get(id);
      const last = entry?.progress ?? { stage: 'done', done: 0, total: 0 };
      entries.set(id, { progress: { stage: 'done', done: last.total, total: last.total }, finishedAt: now() });
      forget();
    },
    read(id) {
      forget();
      return entries.get(id)?.progress ?? null;
    },
  };
}
