import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

export const PRINTER_KINDS = ['escpos-tcp', 'system'] as const;
export const PRINT_JOB_STATUSES = ['queued', 'printing', 'done', 'failed'] as const;

/** Receipt printers: raw ESC/POS over TCP 9100, or a system printer driver (Electron only). */
export const printers = sqliteTable('printers', {
  id: integer('id').primaryKey(),
  name: text('name').notNull(),
  kind: text('kind', { enum: PRINTER_KINDS }).notNull(),
  host: text('host'),
  port: integer('port'),
  systemName: text('system_name'),
  /** Printable width in dots: 384 for 58 mm paper, 576 for 80 mm. */
  widthDots: integer('width_dots').notNull().default(576),
  isDefault: integer('is_default', { mode: 'boolean' }).notNull().default(false),
  createdAt: integer('created_at').notNull(),
});

/** Print jobs survive a restart: queued -> printing -> done | failed (with a reason). */
export const printJobs = sqliteTable(
  'print_jobs',
  {
    id: integer('id').primaryKey(),
    printerId: integer('printer_id')
      .notNull()
      .references(() => printers.id),
    status: text('status', { enum: PRINT_JOB_STATUSES }).notNull().default('queued'),
    payload: text('payload').notNull(),
    reason: text('reason'),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (table) => [index('print_jobs_status_idx').on(table.status, table.id)],
);
