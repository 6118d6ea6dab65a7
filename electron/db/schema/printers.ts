import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { PRINT_JOB_KINDS, PRINT_JOB_STATES, PRINTER_KINDS, PRINTER_LANGUAGES, PRINTER_STATES } from '../../../shared/schemas/printing';

/**
 * Receipt printers (raw TCP, ESC/POS or Star) and printers installed in the OS. A removed printer keeps its row
 * (`removed_at`) while jobs point at it, and no longer lists. Reasons are a key of the apiErrors catalogue plus its
 * values as JSON, so a person reads them in their language.
 */
export const printers = sqliteTable(
  'printers',
  {
    id: integer('id').primaryKey(),
    name: text('name').notNull(),
    kind: text('kind', { enum: PRINTER_KINDS }).notNull(),
    host: text('host'),
    port: integer('port'),
    systemName: text('system_name'),
    /** Paper roll width in mm: 58 or 80. */
    paperWidth: integer('paper_width').notNull().default(80),
    /** Printable dots across the paper: 384, 420, 512 or 576. */
    dots: integer('dots').notNull().default(576),
    language: text('language', { enum: PRINTER_LANGUAGES }).notNull().default('esc-pos'),
    isDefault: integer('is_default', { mode: 'boolean' }).notNull().default(false),
    createdAt: integer('created_at').notNull(),
    lastSuccessAt: integer('last_success_at'),
    lastErrorKey: text('last_error_key'),
    lastErrorParams: text('last_error_params'),
    lastErrorAt: integer('last_error_at'),
    statusState: text('status_state', { enum: PRINTER_STATES }),
    statusReasonKey: text('status_reason_key'),
    statusReasonParams: text('status_reason_params'),
    statusCheckedAt: integer('status_checked_at'),
    removedAt: integer('removed_at'),
  },
  (table) => [
    /** At most one default among the printers that list. */
    uniqueIndex('printers_one_default').on(table.isDefault).where(sql`is_default = 1 AND removed_at IS NULL`),
  ],
);

/**
 * Print jobs, stored before anything is sent, survive a restart. `done` counts the coupons the printer has taken
 * (copies included); `bytes_sent` the bytes of the coupon being sent now.
 */
export const printJobs = sqliteTable(
  'print_jobs',
  {
    id: integer('id').primaryKey(),
    printerId: integer('printer_id')
      .notNull()
      .references(() => printers.id),
    kind: text('kind', { enum: PRINT_JOB_KINDS }).notNull(),
    status: text('status', { enum: PRINT_JOB_STATES }).notNull().default('queued'),
    voucherId: integer('voucher_id'),
    batchId: integer('batch_id'),
    rangeFrom: integer('range_from'),
    rangeTo: integer('range_to'),
    copies: integer('copies').notNull().default(1),
    title: text('title'),
    total: integer('total').notNull(),
    done: integer('done').notNull().default(0),
    bytesSent: integer('bytes_sent').notNull().default(0),
    /** The vouchers to print, in order (JSON array of ids), fixed when the job is made; copies repeat each in place. */
    voucherIds: text('voucher_ids'),
    /** Vouchers of a batch left out because they cannot be redeemed. */
    skipped: integer('skipped').notNull().default(0),
    reasonKey: text('reason_key'),
    reasonParams: text('reason_params'),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (table) => [
    index('print_jobs_status_idx').on(table.status, table.id),
    index('print_jobs_printer_idx').on(table.printerId, table.status, table.id),
  ],
);
