import { AppError } from '../../../shared/api/errors';
import type { Printer, PrinterState, PrintReason } from '../../../shared/schemas/printing';
import {
  countCouponDone,
  findPrintJob,
  moveJob,
  recordBytesSent,
  setCouponsDone,
  type PrintJobRecord,
} from '../../db/repos/print-jobs.repo';
import { recordPrinterError, recordPrinterStatus, recordPrinterSuccess } from '../../db/repos/printers.repo';
import { printerProfile } from '../profile';
import { CONFIRM, isConfirmReply, probeEscPos } from '../status/escpos-status';
import { BLOCKING_STATES, statusOf } from '../status/printer-state';
import { probeStar } from '../status/star-status';
import { TransportError } from '../transport/errors';
import { connectPrinter, type PrinterConnection } from '../transport/printer-connection';
import { drawAhead } from './draw-ahead';
import type { JobContext, RunOutcome } from './job-context';

/** How long one wait for a coupon's confirmation lasts before the printer's status is asked again. */
const CONFIRM_SLICE_MS = 2000;

/** Asks the printer for its status on an open connection, and keeps the answer on the printer's row. */
export async function probe(ctx: Pick<JobContext, 'db' | 'now' | 'timeouts'>, printer: Printer, conn: PrinterConnection): Promise<PrinterState> {
  const state = printer.language === 'esc-pos' ? await probeEscPos(conn, ctx.timeouts.statusMs) : await probeStar(conn, ctx.timeouts.statusMs);
  recordPrinterStatus(ctx.db, printer.id, statusOf(state, ctx.now()));
  return state;
}

/**
 * Prints a job on a network receipt printer over one short TCP connection: connect, status, then coupon after
 * coupon from the first one the printer has not taken. A printer that answers status confirms each coupon (GS r 1,
 * answered once the data before it is through), so `done` counts only coupons the printer has; one that never
 * answers has its coupons counted when it closes the connection cleanly after all of them. Once bytes of a coupon
 * were written, nothing is resent on our own: a drop, a stall or a missing confirmation makes the job uncertain.
 */
export async function runNetworkJob(ctx: JobContext, job: PrintJobRecord, printer: Printer): Promise<RunOutcome> {
  let conn: PrinterConnection;
  try {
    conn = await connectPrinter(printer.host ?? '', printer.port ?? 9100, ctx.timeouts);
  } catch (error) {
    if (error instanceof TransportError) return { kind: 'unreachable', reason: error.reason };
    throw error;
  }
  const untrack = ctx.track(() => conn.destroy());
  try {
    return await printOn(ctx, conn, job, printer);
  } finally {
    untrack();
  }
}

async function printOn(ctx: JobContext, conn: PrinterConnection, job: PrintJobRecord, printer: Printer): Promise<RunOutcome> {
  const { db, now } = ctx;
  let state: PrinterState;
  try {
    state = await probe(ctx, printer, conn);
  } catch (error) {
    conn.destroy();
    if (error instanceof TransportError) return { kind: 'unreachable', reason: error.reason };
    throw error;
  }
  if (BLOCKING_STATES.has(state)) {
    await conn.close();
    return waitFor(ctx, job.id, ['queued', 'waiting'], statusOf(state, now()).reason!);
  }
  if (!moveJob(db, job.id, ['queued', 'waiting'], 'printing', null, now())) {
    await conn.close();
    return { kind: 'finished' }; // paused or cancelled meanwhile
  }
  const confirms = printer.language === 'esc-pos' && state !== 'unknown';
  const profile = printerProfile(printer.paperWidth, printer.dots, printer.language);
  const start = job.done;
  const coupons = drawAhead(ctx, job, profile, start);
  let written = 0;
  let sent = 0;
  try {
    for (let index = start; index < job.total; index++) {
      if (index > start) {
        // between coupons: a person may have paused or cancelled, the printer may have run out of paper
        const current = findPrintJob(db, job.id);
        if (current?.status !== 'printing') {
          await finishUnconfirmed(ctx, conn, job.id, confirms, start + written);
          return { kind: 'finished' };
        }
        if (confirms) {
          const between = await probe(ctx, printer, conn);
          if (BLOCKING_STATES.has(between)) {
            await conn.close();
            return waitFor(ctx, job.id, ['printing'], statusOf(between, now()).reason!);
          }
        }
      }
      const drawn = await coupons.take(index);
      if (!drawn) {
        countCouponDone(db, job.id, now()); // the voucher no longer exists: nothing to print
        continue;
      }
      sent = 0;
      await conn.write(drawn.bytes, (bytes) => (sent = bytes));
      if (confirms) {
        const confirmed = await confirmCoupon(ctx, conn, printer, job.id);
        if (confirmed === 'left-unconfirmed') {
          conn.destroy();
          return { kind: 'finished' };
        }
        if (!confirmed) throw new TransportError('send', { key: 'printing.notConfirmed', params: { seconds: Math.round(ctx.timeouts.confirmMs / 1000) } });
        countCouponDone(db, job.id, now());
        if (confirmed === 'left') {
          // a person paused or cancelled the job while it waited for paper: the coupon printed, the rest waits
          await conn.close();
          return { kind: 'finished' };
        }
      } else {
        written++;
      }
    }
    if (!confirms) {
      sent = 0;
      const closed = await conn.close();
      if (closed !== 'clean') throw unconfirmedLoss(ctx, closed);
      setCouponsDone(db, job.id, start + written, now());
    } else {
      await conn.close();
    }
    moveJob(db, job.id, ['printing'], 'done', skippedReason(findPrintJob(db, job.id)), now());
    recordPrinterSuccess(db, printer.id, now());
    return { kind: 'finished' };
  } catch (error) {
    conn.destroy();
    if (error instanceof TransportError) {
      recordBytesSent(db, job.id, sent, now());
      moveJob(db, job.id, ['printing', 'paused'], 'uncertain', error.reason, now());
      recordPrinterError(db, printer.id, error.reason, now());
      return { kind: 'finished' };
    }
    const reason = reasonOf(error);
    if (confirms || written === 0) {
      // drawing failed before anything of this coupon was sent: the job failed, its done count is exact
      moveJob(db, job.id, ['printing'], 'failed', reason, now());
    } else {
      moveJob(db, job.id, ['printing'], 'uncertain', reason, now());
    }
    recordPrinterError(db, printer.id, reason, now());
    return { kind: 'finished' };
  }
}

/**
 * Waits for the printer to confirm the coupon just sent (GS r 1, answered once the data before it is through). The
 * printer's status is asked between slices of the wait: while it reports it cannot print (paper ran out, cover
 * opened mid-coupon) the job shows `waiting` with that reason and the wait goes on with no limit — a printer holds
 * what it was sent and carries on by itself when the paper is loaded, so the coupon prints once and is counted
 * then. Only time the printer spends ready and silent counts towards the confirmation limit. `'left'`: confirmed,
 * but a person paused or cancelled the job meanwhile; `'left-unconfirmed'`: they did so before it was confirmed.
 */
async function confirmCoupon(ctx: JobContext, conn: PrinterConnection, printer: Printer, jobId: number): Promise<boolean | 'left' | 'left-unconfirmed'> {
  const slice = Math.min(CONFIRM_SLICE_MS, ctx.timeouts.confirmMs);
  let reply = await conn.ask(CONFIRM, isConfirmReply, slice);
  let silentMs = slice;
  let waiting = false;
  while (!reply) {
    const state = printer.language === 'esc-pos' ? await probeEscPos(conn, ctx.timeouts.statusMs, { drain: false }) : 'unknown';
    recordPrinterStatus(ctx.db, printer.id, statusOf(state, ctx.now()));
    if (waiting && findPrintJob(ctx.db, jobId)?.status !== 'waiting') {
      // paused or cancelled by a person before the coupon came out: whether it prints once the paper is in is
      // not ours to know any more; a paused job says so, and a reprint starts with this coupon
      moveJob(ctx.db, jobId, ['paused'], 'uncertain', { key: 'printing.pausedMidCoupon', params: {} }, ctx.now());
      return 'left-unconfirmed';
    }
    if (BLOCKING_STATES.has(state)) {
      if (!waiting) waiting = moveJob(ctx.db, jobId, ['printing'], 'waiting', statusOf(state, ctx.now()).reason, ctx.now());
      silentMs = 0;
    } else {
      if (waiting && moveJob(ctx.db, jobId, ['waiting'], 'printing', null, ctx.now())) waiting = false;
      if (silentMs >= ctx.timeouts.confirmMs) return false;
    }
    reply = await conn.ask(new Uint8Array(0), isConfirmReply, slice);
    silentMs += slice;
  }
  if (!waiting) return true;
  return moveJob(ctx.db, jobId, ['waiting'], 'printing', null, ctx.now()) ? true : 'left';
}

/** A printer that never confirms: the coupons sent so far count once it has closed the connection cleanly. */
async function finishUnconfirmed(ctx: JobContext, conn: PrinterConnection, jobId: number, confirms: boolean, done: number): Promise<void> {
  const closed = await conn.close();
  if (confirms) return;
  if (closed === 'clean') setCouponsDone(ctx.db, jobId, done, ctx.now());
  else moveJob(ctx.db, jobId, ['paused', 'cancelled'], 'uncertain', unconfirmedLoss(ctx, closed).reason, ctx.now());
}

/** A printer that never confirms did not close after taking everything: it stopped reading, or it reset. */
function unconfirmedLoss(ctx: JobContext, closed: 'error' | 'timeout'): TransportError {
  return closed === 'timeout'
    ? new TransportError('send', { key: 'printing.stalled', params: { seconds: Math.round(ctx.timeouts.closeMs / 1000) } })
    : new TransportError('send', { key: 'printing.dropped', params: {} });
}

function waitFor(ctx: JobContext, jobId: number, from: Parameters<typeof moveJob>[2], reason: PrintReason): RunOutcome {
  moveJob(ctx.db, jobId, from, 'waiting', reason, ctx.now());
  return { kind: 'wait' };
}

/** A done job that left vouchers out says how many. */
export function skippedReason(job: PrintJobRecord | undefined): PrintReason | null {
  return job && job.skipped > 0 ? { key: 'printing.skipped', params: { count: job.skipped } } : null;
}

export function reasonOf(error: unknown): PrintReason {
  if (error instanceof AppError) return { key: error.key, params: error.params as PrintReason['params'] };
  return { key: 'api.internal', params: {} };
}
