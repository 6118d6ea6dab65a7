import type { OperationProgress } from '../../shared/schemas/operations';
import { openConnection, type Db } from './client';

/**
 * The steps of a long write: a generator that does a little work between yields (a few hundred rows) and yields
 * how far it is. The same steps run either at once in one transaction (`runWriteNow`) or as a write job
 * (`runWriteJob`), which lets the event loop turn between them.
 */
export type WriteSteps<T> = (db: Db) => Generator<OperationProgress, T, void>;

export interface WriteJobOptions {
  /** How long the job may hold the event loop before other work gets a turn (ms). */
  sliceMs?: number;
  onProgress?: (progress: OperationProgress) => void;
}

/** About two frames: long enough to amortise a turn, short enough that the app answers at once. */
export const DEFAULT_SLICE_MS = 30;

const jobs = new WeakMap<Db, { tail: Promise<void>; running: boolean }>();

const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Runs `steps` at once inside one transaction of `db`: for small writes, and for callers that cannot wait. */
export function runWriteNow<T>(db: Db, steps: WriteSteps<T>): T {
  return db.tx(() => {
    const run = steps(db);
    for (;;) {
      const next = run.next();
      if (next.done) return next.value;
    }
  });
}

/**
 * Runs `steps` as one all-or-nothing transaction on a connection of its own, giving the event loop a turn every
 * `sliceMs`, so the app keeps answering while a large import or batch is written.
 *
 * Why a connection of its own: better-sqlite3 runs a transaction on its connection, so a call answered between
 * two steps on the same connection would run inside the job's transaction, its writes committed or rolled back
 * with the job's. On its own connection the job's rows stay invisible until it commits (WAL: other calls read
 * the shop as it was), and a kill -9 at any moment leaves none of them. A write by another call meanwhile fails at
 * once with SQLITE_BUSY (storage.busy for the caller): the app's connection waits no time for the lock, since
 * waiting would freeze the very thread the job needs to finish. Jobs on one database run one after another.
 */
export async function runWriteJob<T>(db: Db, steps: WriteSteps<T>, options: WriteJobOptions = {}): Promise<T> {
  const sliceMs = options.sliceMs ?? DEFAULT_SLICE_MS;
  const state = jobs.get(db) ?? { tail: Promise.resolve(), running: false };
  jobs.set(db, state);
  if (state.running) options.onProgress?.({ stage: 'waiting', done: 0, total: 0 });
  let finished!: () => void;
  const previous = state.tail;
  state.tail = new Promise<void>((resolve) => (finished = resolve));
  await previous;
  state.running = true;
  const ownTimeout = db.sqlite.pragma('busy_timeout', { simple: true }) as number;
  let job: Db | null = null;
  try {
    job = openConnection(db.file);
    job.sqlite.pragma('busy_timeout = 0');
    db.sqlite.pragma('busy_timeout = 0');
    job.sqlite.exec('BEGIN IMMEDIATE');
    const result = await runPaced(steps(job), { ...options, sliceMs });
    job.sqlite.exec('COMMIT');
    return result;
  } catch (error) {
    if (job?.sqlite.inTransaction) job.sqlite.exec('ROLLBACK');
    throw error;
  } finally {
    job?.close();
    db.sqlite.pragma(`busy_timeout = ${ownTimeout}`);
    state.running = false;
    finished();
  }
}

/**
 * Drives steps that need no transaction of their own (reading and checking a file, a dry run's lookups) with a
 * turn of the event loop every `sliceMs`, reporting each step's progress.
 */
export async function runPaced<T>(run: Generator<OperationProgress, T, void>, options: WriteJobOptions = {}): Promise<T> {
  const sliceMs = options.sliceMs ?? DEFAULT_SLICE_MS;
  let sliceStart = performance.now();
  for (;;) {
    const next = run.next();
    if (next.done) return next.value;
    options.onProgress?.(next.value);
    if (performance.now() - sliceStart >= sliceMs) {
      await turn();
      sliceStart = performance.now();
    }
  }
}

/** True while a write job holds the database: other writes would be refused as busy. */
export function isWriteJobRunning(db: Db): boolean {
  return jobs.get(db)?.running ?? false;
}
