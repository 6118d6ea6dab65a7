import { AppError } from '../../shared/api/errors';
import { capProcessMemory } from './memory-limit';
import { deserializeError, FAILURES, timeLimitMs, type JobKind, type Jobs, type WorkerMessage } from './protocol';
import type { SpawnWorker, WorkerProcess } from './worker-process';

export interface WorkerHostOptions {
  spawn: SpawnWorker;
  /** The worker's memory cap in MiB: native allocations and the V8 heap together (Linux; see memory-limit.ts). */
  memoryLimitMb?: number;
  /** How long a job may take before the worker is stopped (default: timeLimitMs in protocol.ts). */
  timeLimitMs?: (kind: JobKind, input: unknown) => number;
  /** How long a new worker may take to start listening. */
  startMs?: number;
  log?: (message: string) => void;
}

export interface WorkerHost {
  /** Runs one job in the worker; jobs run one at a time, in order, so a crash fails exactly the job that caused it. */
  run<K extends JobKind>(kind: K, input: Jobs[K]['input']): Promise<Jobs[K]['output']>;
  /** The running worker's process id, or null before the first job and after a crash. */
  readonly pid: number | null;
  close(): void;
}

/** 1.5 GiB: the heaviest legitimate jobs, a 40-megapixel HEIC and a 10,000-voucher sheet, peak near 0.8 GB. */
export const DEFAULT_MEMORY_LIMIT_MB = 1536;

interface Running {
  process: WorkerProcess;
  pid: number | null;
  exited: boolean;
  ready: Promise<void>;
  markReady: () => void;
}

interface Pending {
  id: number;
  kind: JobKind;
  input: unknown;
  resolve: (value: never) => void;
  reject: (error: Error) => void;
  worker?: Running;
  deadline?: NodeJS.Timeout;
}

/**
 * Runs images and coupons in a separate process that starts on the first job (not with the app), is capped in
 * memory, restarted after a crash, stopped when a job outlasts its time limit, and fed one job at a time from a
 * queue.
 * Whatever happens to the worker, the host answers: the job fails with a translated reason, the next one gets a
 * fresh worker.
 */
export function createWorkerHost(options: WorkerHostOptions): WorkerHost {
  const memoryLimitMb = options.memoryLimitMb ?? DEFAULT_MEMORY_LIMIT_MB;
  const limitOf = options.timeLimitMs ?? timeLimitMs;
  const startMs = options.startMs ?? 30_000;
  const log = options.log ?? ((message: string) => console.error(message));
  const queue: Pending[] = [];
  let current: Pending | null = null;
  let worker: Running | null = null;
  let nextId = 1;
  let closed = false;
  let warnedUncapped = false;

  const failure = (job: Pending, kind: 'stopped' | 'timedOut' | 'cannotStart') => {
    const { field, ...keys } = FAILURES[job.kind];
    const key = kind === 'cannotStart' ? 'worker.cannotStart' : keys[kind];
    const params = kind === 'timedOut' ? { count: Math.max(1, Math.round(limitOf(job.kind, job.input) / 1000)) } : undefined;
    return new AppError('internal', key, { ...(field ? { field } : {}), ...(params ? { params } : {}) });
  };

  const finish = (job: Pending, outcome: { value: unknown } | { error: Error }) => {
    if (current !== job) return;
    clearTimeout(job.deadline);
    current = null;
    if ('error' in outcome) job.reject(outcome.error);
    else job.resolve(outcome.value as never);
    setImmediate(pump);
  };

  const watch = (job: Pending) => {
    const limit = limitOf(job.kind, job.input);
    job.deadline = setTimeout(() => {
      log(`Stampdesk worker: ${job.kind} took longer than ${limit} ms; stopping the worker.`);
      const stuck = job.worker;
      if (stuck && worker === stuck) worker = null;
      stuck?.process.kill();
      finish(job, { error: failure(job, 'timedOut') });
    }, limit);
  };

  const start = (): Running => {
    const child = options.spawn({
      execArgv: [`--max-old-space-size=${Math.max(256, Math.floor(memoryLimitMb * 0.66))}`],
      // @napi-rs/canvas's allocator (mimalloc) otherwise reserves a 1 GiB arena up front, writable, which the cap
      // counts as used: small arenas leave the cap to what is really used
      env: { MIMALLOC_ARENA_RESERVE: '64MiB' },
    });
    let markReady = () => {};
    let failStart: (error: Error) => void = () => {};
    const running: Running = {
      process: child,
      pid: null,
      exited: false,
      markReady: () => markReady(),
      ready: new Promise<void>((resolve, reject) => {
        markReady = resolve;
        failStart = reject;
      }),
    };
    const timer = setTimeout(() => {
      failStart(new Error(`the worker did not start within ${startMs} ms`));
      child.kill();
    }, startMs);
    running.ready.then(
      () => clearTimeout(timer),
      () => clearTimeout(timer),
    );
    child.onMessage((message: WorkerMessage) => {
      if (message.type === 'ready') return running.markReady();
      const job = current;
      if (!job || job.worker !== running || message.id !== job.id) return;
      if (message.type === 'done') finish(job, { value: message.value });
      else if (message.type === 'failed') finish(job, { error: deserializeError(message.error) });
    });
    child.onExit((how) => {
      running.exited = true;
      failStart(new Error(`the worker ended before it started (${how})`));
      if (worker === running) worker = null;
      const job = current;
      if (job && job.worker === running) {
        log(`Stampdesk worker ended during ${job.kind} (${how}); the next job starts a new one.`);
        finish(job, { error: failure(job, 'stopped') });
      }
    });
    return running;
  };

  /** The running worker, or a new one, listening and capped. */
  const ready = async (): Promise<Running> => {
    if (worker) {
      await worker.ready;
      return worker;
    }
    const running = start();
    worker = running;
    try {
      await running.ready;
    } catch (error) {
      if (worker === running) worker = null;
      running.process.kill();
      throw error;
    }
    running.pid = await running.process.started;
    const capped = await capProcessMemory(running.pid, memoryLimitMb * 1024 * 1024);
    if (!capped && !warnedUncapped) {
      warnedUncapped = true;
      log(`Stampdesk worker: no memory cap on this system (${process.platform}); it runs in its own process with a ${memoryLimitMb} MB heap limit.`);
    }
    return running;
  };

  async function pump(): Promise<void> {
    if (current || closed) return;
    const job = queue.shift();
    if (!job) {
      worker?.process.hold(false);
      return;
    }
    current = job;
    let running: Running;
    try {
      running = await ready();
    } catch (error) {
      log(`Stampdesk worker could not start: ${error instanceof Error ? error.message : String(error)}`);
      finish(job, { error: failure(job, 'cannotStart') });
      return;
    }
    if (current !== job) return; // closed meanwhile
    if (running.exited) {
      finish(job, { error: failure(job, 'stopped') }); // it ended while its memory cap was being set
      return;
    }
    job.worker = running;
    running.process.hold(true);
    watch(job);
    running.process.send({ type: 'job', id: job.id, kind: job.kind, input: job.input });
  }

  return {
    run<K extends JobKind>(kind: K, input: Jobs[K]['input']): Promise<Jobs[K]['output']> {
      if (closed) return Promise.reject(new Error('Stampdesk is closing.'));
      return new Promise<Jobs[K]['output']>((resolve, reject) => {
        queue.push({ id: nextId++, kind, input, resolve, reject });
        void pump();
      });
    },
    get pid() {
      return worker?.pid ?? null;
    },
    close() {
      closed = true;
      const waiting = [...(current ? [current] : []), ...queue.splice(0)];
      if (current) clearTimeout(current.deadline);
      current = null;
      for (const job of waiting) job.reject(new Error('Stampdesk is closing.'));
      worker?.process.kill();
      worker = null;
    },
  };
}
