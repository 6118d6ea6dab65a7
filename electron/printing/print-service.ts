import { AppError } from '../../shared/api/errors';
import type { ParsedInput } from '../../shared/api/contract';
import { formatDateTime } from '../../shared/i18n/format';
import type { Printer, PrintJob, PrintJobCreated, PrintJobState } from '../../shared/schemas/printing';
import type { Db } from '../db/client';
import { findPrintJob, insertPrintJob, moveJob, setCouponsDone, type NewPrintJob, type PrintJobRecord } from '../db/repos/print-jobs.repo';
import { findDefaultPrinter } from '../db/repos/printers.repo';
import { findBatchVouchers, findVoucher, type VoucherRow } from '../db/repos/vouchers.repo';
import { getSettings } from '../settings/settings-service';
import { statusAt } from '../vouchers/voucher-view';
import { livePrinter } from './printer-service';

/** The printer a print names, or the default one; none at all: a refusal that says to add one in Printers. */
export function printerFor(db: Db, printerId: number | undefined): Printer {
  if (printerId !== undefined) return livePrinter(db, printerId);
  const printer = findDefaultPrinter(db);
  if (!printer) throw new AppError('not_found', 'printing.noPrinter', { field: 'printerId' });
  return printer;
}

/** What the API shows of a stored job (not its voucher list). */
export function publicJob(job: PrintJobRecord): PrintJob {
  const { bytesSent: _bytes, voucherIds: _ids, ...shown } = job;
  return shown;
}

export function jobOrRefuse(db: Db, jobId: number): PrintJobRecord {
  const job = findPrintJob(db, jobId);
  if (!job) throw new AppError('not_found', 'printing.noSuchJob', { field: 'jobId' });
  return job;
}

/**
 * Stores a job for one voucher or a batch (or coupons from..to of it, 1-based in the batch's order), before
 * anything is sent. A single voucher that cannot be redeemed is refused with the reason; a batch leaves such
 * vouchers out and says how many.
 */
export function storeVoucherJob(db: Db, input: ParsedInput<'print.voucher'>, printer: Printer, now: number): number {
  const copies = input.copies;
  let job: NewPrintJob;
  if (input.voucherId !== undefined) {
    const voucher = findVoucher(db, input.voucherId);
    if (!voucher) throw new AppError('not_found', 'voucher.noSuchVoucher', { field: 'voucherId' });
    refuseDead(db, voucher, now);
    job = { kind: 'voucher', voucherId: voucher.id, batchId: null, from: null, to: null, voucherIds: [voucher.id], skipped: 0, title: voucher.title, ...common(printer, copies, 1) };
  } else {
    const all = findBatchVouchers(db, input.batchId!);
    if (all.length === 0) throw new AppError('not_found', 'voucher.noSuchBatch', { field: 'batchId' });
    const from = input.from ?? 1;
    const to = input.to ?? all.length;
    if (from > all.length) throw new AppError('invalid_input', 'printing.rangeOutside', { field: 'from', params: { count: all.length } });
    if (to > all.length) throw new AppError('invalid_input', 'printing.rangeOutside', { field: 'to', params: { count: all.length } });
    const range = all.slice(from - 1, to);
    const alive = range.filter((v) => statusAt(v, now) === 'active');
    if (alive.length === 0) throw new AppError('conflict', 'printing.nothingToPrint', { field: 'batchId' });
    job = {
      kind: 'batch',
      voucherId: null,
      batchId: input.batchId!,
      from: input.from ?? null,
      to: input.to ?? null,
      voucherIds: alive.map((v) => v.id),
      skipped: range.length - alive.length,
      title: range[0]!.title,
      ...common(printer, copies, alive.length),
    };
  }
  return insertPrintJob(db, job, now);
}

export function storeTestJob(db: Db, printer: Printer, now: number): number {
  return insertPrintJob(db, { kind: 'test', voucherId: null, batchId: null, from: null, to: null, voucherIds: null, skipped: 0, title: null, ...common(printer, 1, 1) }, now);
}

function common(printer: Printer, copies: number, vouchers: number) {
  return { printerId: printer.id, status: 'queued' as const, copies, total: vouchers * copies };
}

/** A voucher that can no longer be redeemed is not printed: the refusal says why and since when. */
function refuseDead(db: Db, voucher: VoucherRow, now: number): void {
  const status = statusAt(voucher, now);
  if (status === 'active') return;
  const { locale, timeZone } = getSettings(db);
  const at = status === 'voided' ? voucher.voidedAt : status === 'redeemed' ? voucher.redeemedAt : voucher.expiresAt === null ? null : voucher.expiresAt - 1;
  throw new AppError('conflict', `printing.voucherDead.${status}`, { field: 'voucherId', params: { date: formatDateTime(at, { locale, timeZone }) } });
}

export function created(jobId: number, printer: Printer, canPrintSystem: boolean): PrintJobCreated {
  return { jobId, printInBrowser: printer.kind === 'system' && !canPrintSystem };
}

type Move = { from: readonly PrintJobState[]; to: PrintJobState; refusal: 'printing.notRetryable' | 'printing.notCancellable' | 'printing.notPausable' | 'printing.notResumable' };

export const MOVES = {
  retry: { from: ['failed', 'uncertain', 'cancelled', 'paused'], to: 'queued', refusal: 'printing.notRetryable' },
  cancel: { from: ['queued', 'waiting', 'printing', 'paused', 'uncertain'], to: 'cancelled', refusal: 'printing.notCancellable' },
  pause: { from: ['queued', 'waiting', 'printing'], to: 'paused', refusal: 'printing.notPausable' },
  resume: { from: ['paused'], to: 'queued', refusal: 'printing.notResumable' },
} satisfies Record<string, Move>;

/** A person's move of a job; a job that has printed is never queued again. */
export function moveByPerson(db: Db, jobId: number, move: Move, now: number): PrintJobRecord {
  const job = jobOrRefuse(db, jobId);
  if (move.to === 'queued' && job.status === 'done') throw new AppError('conflict', 'printing.alreadyDone', { field: 'jobId' });
  if (move.to === 'queued') livePrinter(db, job.printerId);
  if (!moveJob(db, jobId, move.from, move.to, null, now)) throw new AppError('conflict', move.refusal, { field: 'jobId' });
  return jobOrRefuse(db, jobId);
}

/** A person checked the paper (an uncertain job), or the browser's print dialog closed: the job is done. */
export function markDone(db: Db, jobId: number, now: number): PrintJobRecord {
  const job = jobOrRefuse(db, jobId);
  const from: PrintJobState[] = job.printerKind === 'system' ? ['uncertain', 'queued', 'printing', 'waiting'] : ['uncertain'];
  db.tx(() => {
    if (!moveJob(db, jobId, from, 'done', null, now)) throw new AppError('conflict', 'printing.notMarkable', { field: 'jobId' });
    setCouponsDone(db, jobId, job.total, now);
  });
  return jobOrRefuse(db, jobId);
}
