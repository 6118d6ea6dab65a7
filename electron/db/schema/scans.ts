import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * Every Scan & Redeem attempt that found nothing (unknown code, failed check symbol), per seat: the
 * brute-force guard counts them, and they stay as a log.
 */
export const scanFailures = sqliteTable(
  'scan_failures',
  {
    id: integer('id').primaryKey(),
    seat: text('seat').notNull(),
    at: integer('at').notNull(),
    outcome: text('outcome').notNull(),
    /** What was scanned, cut to 64 characters. */
    input: text('input').notNull(),
  },
  (table) => [index('scan_failures_seat_idx').on(table.seat, table.at)],
);

/** A seat locked out of Scan & Redeem after too many failures, until `until`. */
export const seatLocks = sqliteTable('seat_locks', {
  seat: text('seat').primaryKey(),
  until: integer('until').notNull(),
  failures: integer('failures').notNull(),
});
