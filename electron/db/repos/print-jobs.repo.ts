import type { Db } from '../client';
import type { PrintJob, PrintJobKind, PrintJobState, PrintReason } from '../../../shared/schemas/printing';
import { reasonFrom } from './printers.repo';

/** A stored job as the queue needs it: the API's view plus the bytes of the coupon being sent. */
export interface PrintJobRecord extends PrintJob {
  bytesSent: number;
  /** The vouchers to print in order (each `copies` times), fixed when the job was made; null for a test page. */
  voucherIds: number[] | null;
}

interface Row {
  id: number;
  kind: PrintJobKind;
  printerId: number;
  printerName: string;
  printerKind: PrintJob['printerKind'];
  status: PrintJobState;
  title: string | null;
  voucherId: number | null;
  batchId: number | null;
  rangeFrom: number | null;
  rangeTo: number | null;
  copies: number;
  total: number;
  done: number;
  skipped: number;
  bytesSent: number;
  voucherIds: string | null;
  reasonKey: string | null;
  reasonParams: string | null;
  createdAt: number;
  updatedAt: number;
}

const SELECT = `SELECT j.id, j.kind, j.printer_id AS printerId, p.name AS printerName, p.kind AS printerKind, j.status, j.title,
  j.voucher_id AS voucherId, j.batch_id AS batchId, j.range_from AS rangeFrom, j.range_to AS rangeTo, j.copies, j.total, j.done,
  j.skipped, j.bytes_sent AS bytesSent, j.voucher_ids AS voucherIds, j.reason_key AS reasonKey, j.reason_params AS reasonParams, j.created_at AS createdAt,
  j.updated_at AS updatedAt
  FROM print_jobs j JOIN printers p ON p.id = j.printer_id`;

function toJob(r: Row): PrintJobRecord {
  return {
    id: r.id,
    kind: r.kind,
    printerId: r.printerId,
    printerName: r.printerName,
    printerKind: r.printerKind,
    status: r.status,
    title: r.title,
    voucherId: r.voucherId,
    batchId: r.batchId,
    from: r.rangeFrom,
    to: r.rangeTo,
    copies: r.copies,
    total: r.total,
    done: r.done,
    skipped: r.skipped,
    reason: reasonFrom(r.reasonKey, r.reasonParams),
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
    bytesSent: r.bytesSent,
    voucherIds: r.voucherIds === null ? null : (JSON.parse(r.voucherIds) as number[]),
  };
}

export interface NewPrintJob {
  kind: PrintJobKind;
  printerId: number;
  status: PrintJobState;
  title: string | null;
  voucherId: number | null;
  batchId: number | null;
  from: number | null;
  to: number | null;
  copies: number;
  total: number;
  skipped: number;
  voucherIds: number[] | null;
}

export function insertPrintJob(db: Db, job: NewPrintJob, at: number): number {
  const result = db
    .prepare(
      `INSERT INTO print_jobs (kind, printer_id, status, title, voucher_id, batch_id, range_from, range_to, copies, total, skipped, voucher_ids, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(job.kind, job.printerId, job.status, job.title, job.voucherId, job.batchId, job.from, job.to, job.copies, job.total, job.skipped,
      job.voucherIds === null ? null : JSON.stringify(job.voucherIds), at, at);
  return Number(result.lastInsertRowid);
}

export function findPrintJob(db: Db, id: number): PrintJobRecord | undefined {
  const row = db.prepare(`${SELECT} WHERE j.id = ?`).get(id) as Row | undefined;
  return row ? toJob(row) : undefined;
}

/** Jobs newest first, at most `limit`, optionally of one state. */
export function listPrintJobs(db: Db, status: PrintJobState | undefined, limit: number): PrintJobRecord[] {
  const rows = (
    status === undefined
      ? db.prepare(`${SELECT} ORDER BY j.id DESC LIMIT ?`).all(limit)
      : db.prepare(`${SELECT} WHERE j.status = ? ORDER BY j.id DESC LIMIT ?`).all(status, limit)
  ) as Row[];
  return rows.map(toJob);
}

/** The printers that have jobs to print (queued or waiting), the queue's work on start. */
export function printersWithWork(db: Db): number[] {
  return db.prepare("SELECT DISTINCT printer_id AS id FROM print_jobs WHERE status IN ('queued', 'waiting')").pluck().all() as number[];
}

/** A printer's next job: the oldest queued or waiting one. */
export function nextPrintJob(db: Db, printerId: number): PrintJobRecord | undefined {
  const row = db.prepare(`${SELECT} WHERE j.printer_id = ? AND j.status IN ('queued', 'waiting') ORDER BY j.id LIMIT 1`).get(printerId) as Row | undefined;
  return row ? toJob(row) : undefined;
}

/**
 * Moves a job to `status` only from one of `from` (the changed-row count decides, so a person's cancel and the
 * queue's progress never overwrite each other). Returns whether it moved.
 */
export function moveJob(db: Db, id: number, from: readonly PrintJobState[], status: PrintJobState, reason: PrintReason | null, at: number): boolean {
  const result = db
    .prepare(`UPDATE print_jobs SET status = ?, reason_key = ?, reason_params = ?, updated_at = ? WHERE id = ? AND status IN (SELECT value FROM json_each(?))`)
    .run(status, reason?.key ?? null, reason ? JSON.stringify(reason.params) : null, at, id, JSON.stringify(from));
  return result.changes === 1;
}

/** One more coupon fully handed over to the printer. */
export function countCouponDone(db: Db, id: number, at: number): void {
  db.prepare('UPDATE print_jobs SET done = min(total, done + 1), bytes_sent = 0, updated_at = ? WHERE id = ?').run(at, id);
}

export function setCouponsDone(db: Db, id: number, done: number, at: number): void {
  db.prepare('UPDATE print_jobs SET done = min(total, ?), bytes_sent = 0, updated_at = ? WHERE id = ?').run(done, at, id);
}

export function recordBytesSent(db: Db, id: number, bytes: number, at: number): void {
  db.prepare('UPDATE print_jobs SET bytes_sent = ?, updated_at = ? WHERE id = ?').run(bytes, at, id);
}

/** Jobs cut off by a crash or a close: they may have printed, a person decides. */
export function markInterruptedJobs(db: Db, reason: PrintReason, at: number): number {
  return db
    .prepare("UPDATE print_jobs SET status = 'uncertain', reason_key = ?, reason_params = ?, updated_at = ? WHERE status = 'printing'")
    .run(reason.key, JSON.stringify(reason.params), at).changes;
}

export function printerIsPrinting(db: Db, printerId: number): boolean {
  return !!db.prepare("SELECT 1 FROM print_jobs WHERE printer_id = ? AND status = 'printing' LIMIT 1").get(printerId);
}

/** Cancels a printer's jobs that have not started (queued, waiting, paused); returns how many. */
export function cancelPendingJobs(db: Db, printerId: number, reason: PrintReason, at: number): number {
  return db
    .prepare(
      "UPDATE print_jobs SET status = 'cancelled', reason_key = ?, reason_params = ?, updated_at = ? WHERE printer_id = ? AND status IN ('queued', 'waiting', 'paused')",
    )
    .run(reason.key, JSON.stringify(reason.params), at, printerId).changes;
}
