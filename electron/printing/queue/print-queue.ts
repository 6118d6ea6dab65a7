import { findPrinter } from '../../db/repos/printers.repo';
import { markInterruptedJobs, moveJob, nextPrintJob, printersWithWork } from '../../db/repos/print-jobs.repo';
import { recordPrinterError, recordPrinterStatus } from '../../db/repos/printers.repo';
import { statusOf } from '../status/printer-state';
import type { JobContext, RunOutcome } from './job-context';
import { runNetworkJob } from './network-job';
import { runSystemJob } from './system-job';

export interface QueueDelays {
  /** Waits between asks while a printer reports it cannot print (paper end, cover open): grows to the last. */
  waitingMs: readonly number[];
  /** Waits before connecting again to a printer that refused or did not answer; after the last, the job fails. */
  reconnectMs: readonly number[];
}

export const DEFAULT_DELAYS: QueueDelays = { waitingMs: [2000, 4000, 8000, 10_000], reconnectMs: [2000, 4000, 8000, 15_000, 30_000] };

export interface PrintQueue {
  /** Marks jobs cut off by the last run uncertain and starts the printers that have work. */
  start(): void;
  /** A printer has new work (a job queued, resumed or retried): start it now if it is idle or waiting. */
  wake(printerId: number): void;
  /** Stops every printer's worker and drops their connections (the app closes). */
  stop(): void;
}

interface Worker {
  running: boolean;
  again: boolean;
  timer: NodeJS.Timeout | null;
  waitStep: number;
  /** Connect attempts per job. */
  attempts: Map<number, number>;
}

/**
 * One serialized worker per printer: it prints the printer's jobs one at a time, oldest first, and sleeps when
 * there is nothing to do (no timers, no CPU). A printer that cannot print is asked again with growing pauses.
 */
export function createPrintQueue(ctx: Omit<JobContext, 'track'>, delays: QueueDelays = DEFAULT_DELAYS): PrintQueue {
  const workers = new Map<number, Worker>();
  const open = new Set<() => void>();
  let stopped = false;
  const jobCtx: JobContext = {
    ...ctx,
    track: (close) => {
      open.add(close);
      return () => open.delete(close);
    },
  };

  const workerOf = (printerId: number): Worker => {
    let w = workers.get(printerId);
    if (!w) workers.set(printerId, (w = { running: false, again: false, timer: null, waitStep: 0, attempts: new Map() }));
    return w;
  };

  function later(printerId: number, w: Worker, ms: number) {
    if (stopped) return;
    w.timer = setTimeout(() => {
      w.timer = null;
      void loop(printerId, w);
    }, ms);
  }

  async function loop(printerId: number, w: Worker): Promise<void> {
    if (w.running || stopped) return;
    w.running = true;
    try {
      while (!stopped) {
        w.again = false;
        const job = nextPrintJob(ctx.db, printerId);
        const printer = findPrinter(ctx.db, printerId);
        if (!job || !printer) break;
        if (printer.kind === 'system' && !ctx.systemPrinter) break; // the browser prints these
        const outcome: RunOutcome =
          printer.kind === 'system' ? await runSystemJob(jobCtx, ctx.systemPrinter!, job, printer) : await runNetworkJob(jobCtx, job, printer);
        if (stopped) break;
        if (outcome.kind === 'finished') {
          w.waitStep = 0;
          w.attempts.delete(job.id);
          continue;
        }
        if (outcome.kind === 'wait') {
          if (!w.again) later(printerId, w, delays.waitingMs[Math.min(w.waitStep++, delays.waitingMs.length - 1)]!);
          break;
        }
        // nothing was sent: try again a few times, then the job fails with the reason (a person can retry it)
        const attempt = (w.attempts.get(job.id) ?? 0) + 1;
        recordPrinterError(ctx.db, printerId, outcome.reason, ctx.now());
        recordPrinterStatus(ctx.db, printerId, statusOf('unreachable', ctx.now(), outcome.reason));
        if (attempt > delays.reconnectMs.length) {
          w.attempts.delete(job.id);
          moveJob(ctx.db, job.id, ['queued', 'waiting'], 'failed', outcome.reason, ctx.now());
          continue;
        }
        w.attempts.set(job.id, attempt);
        moveJob(ctx.db, job.id, ['queued', 'waiting'], 'waiting', outcome.reason, ctx.now());
        if (!w.again) later(printerId, w, delays.reconnectMs[attempt - 1]!);
        break;
      }
    } catch (error) {
      if (!stopped) console.error(error);
    } finally {
      w.running = false;
    }
    if (w.again && !stopped && !w.timer) void loop(printerId, w);
  }

  return {
    start() {
      markInterruptedJobs(ctx.db, { key: 'printing.interrupted', params: {} }, ctx.now());
      for (const printerId of printersWithWork(ctx.db)) void loop(printerId, workerOf(printerId));
    },
    wake(printerId) {
      if (stopped) return;
      const w = workerOf(printerId);
      if (w.timer) {
        clearTimeout(w.timer);
        w.timer = null;
      }
      w.waitStep = 0;
      w.attempts.clear();
      if (w.running) w.again = true;
      else void loop(printerId, w);
    },
    stop() {
      stopped = true;
      for (const w of workers.values()) if (w.timer) clearTimeout(w.timer);
      for (const close of open) close();
    },
  };
}
