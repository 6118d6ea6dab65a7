import fs from 'node:fs';
import type { OperationProgress } from '../../shared/schemas/operations';
import { checkpointInBackground } from './background-checkpoint';
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
  /** Called at every turn of the event loop the job gives. */
  onStep?: () => void;
}

/** About two frames: long enough to amortise a turn, short enough that the app answers at once. */
export const DEFAULT_SLICE_MS = 30;

interface JobState {
  /** The last job queued: the next one starts after it. */
  tail: Promise<void>;
  /** Jobs queued or running. */
  queued: number;
  running: boolean;
  /** Background checkpoints not over yet, and the app connection's own autocheckpoint setting meanwhile put aside. */
  checkpoints: number;
  ownAutoCheckpoint: number;
  checkpoint: Promise<unknown>;
}

const jobs = new WeakMap<Db, JobState>();

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
  const state: JobState = jobs.get(db) ?? { tail: Promise.resolve(), queued: 0, running: false, checkpoints: 0, ownAutoCheckpoint: 0, checkpoint: Promise.resolve() };
  jobs.set(db, state);
  if (state.queued++ > 0) options.onProgress?.({ stage: 'waiting', done: 0, total: 0 });
  let finished!: () => void;
  const previous = state.tail;
  state.tail = new Promise<void>((resolve) => (finished = resolve));
  await previous;
  state.running = true;
  let ownTimeout: number | null = null;
  let job: Db | null = null;
  try {
    ownTimeout = db.sqlite.pragma('busy_timeout', { simple: true }) as number;
    job = openConnection(db.file);
    job.sqlite.pragma('busy_timeout = 0');
    // its COMMIT does not copy the WAL back on this thread: a worker does, just after (background-checkpoint.ts)
    job.sqlite.pragma('wal_autocheckpoint = 0');
    db.sqlite.pragma('busy_timeout = 0');
    job.sqlite.exec('BEGIN IMMEDIATE');
    const presync = startWalPresync(job.file);
    let result: T;
    try {
      result = await runPaced(steps(job), { ...options, sliceMs, onStep: presync.tick });
    } finally {
      await presync.stop();
    }
    job.sqlite.exec('COMMIT');
    state.checkpoint = checkpointAfterJob(db, state);
    return result;
  } catch (error) {
    if (job?.sqlite.inTransaction) job.sqlite.exec('ROLLBACK');
    throw error;
  } finally {
    job?.close();
    if (ownTimeout !== null && db.sqlite.open) db.sqlite.pragma(`busy_timeout = ${ownTimeout}`);
    state.running = false;
    state.queued--;
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
      options.onStep?.();
      await turn();
      sliceStart = performance.now();
    }
  }
}

/**
 * The large WAL a job leaves is copied back by a worker thread; meanwhile the app's own connection makes no
 * automatic checkpoint (it would copy the whole WAL on this thread at its next commit).
 */
async function checkpointAfterJob(db: Db, state: JobState): Promise<void> {
  if (state.checkpoints++ === 0) {
    state.ownAutoCheckpoint = db.sqlite.pragma('wal_autocheckpoint', { simple: true }) as number;
    db.sqlite.pragma('wal_autocheckpoint = 0');
  }
  try {
    await checkpointInBackground(db.file);
  } finally {
    if (--state.checkpoints === 0 && db.sqlite.open) db.sqlite.pragma(`wal_autocheckpoint = ${state.ownAutoCheckpoint}`);
  }
}

/** Resolves when the background work after the last write job on `db` (its checkpoint) is over. */
export function afterWriteJobs(db: Db): Promise<void> {
  const state = jobs.get(db);
  return state ? Promise.all([state.tail, state.checkpoint]).then(() => undefined) : Promise.resolve();
}

/** How often the WAL written so far by a long job is flushed to disk in the background (ms). */
const PRESYNC_EVERY_MS = 500;

/**
 * While a long job writes, the pages it spills pile up in the WAL file unsynced, and the COMMIT's fsync would then
 * write them all to disk at once, on this thread (seconds for 300,000 rows). So the WAL is fdatasync'ed in the
 * background every half second from libuv's thread pool (fsync acts on the file, whichever descriptor wrote it): the
 * COMMIT is left with the last half second's pages. Syncing more often than SQLite asks never weakens durability.
 */
function startWalPresync(file: string): { tick(): void; stop(): Promise<void> } {
  let fd: number | null = null;
  let inFlight: Promise<void> | null = null;
  let last = performance.now();
  return {
    tick() {
      if (inFlight || performance.now() - last < PRESYNC_EVERY_MS) return;
      last = performance.now();
      try {
        fd ??= fs.openSync(`${file}-wal`, 'r+');
      } catch {
        return; // no WAL yet
      }
      const target = fd;
      inFlight = new Promise<void>((resolve) => fs.fdatasync(target, () => resolve())).finally(() => (inFlight = null));
    },
    async stop() {
      await inFlight;
      if (fd !== null) fs.closeSync(fd);
    },
  };
}

/** True while a write job holds the database: other writes would be refused as busy. */
export function isWriteJobRunning(db: Db): boolean {
  return jobs.get(db)?.running ?? false;
}
