import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * This installation: one row, made once per data folder by its migration. The scan pause belongs to it, not
 * to the seat name in Settings (which anyone can change).
 */
export const installation = sqliteTable('installation', {
  id: integer('id').primaryKey(),
  /** 32 lowercase hex characters, random. */
  installationId: text('installation_id').notNull(),
  createdAt: integer('created_at').notNull(),
});

/**
 * Every Scan & Redeem attempt that found nothing (unknown code, failed check symbol): the guard counts them
 * per installation, and they stay as a log with the seat name of the moment.
 */
export const scanFailures = sqliteTable(
  'scan_failures',
  {
    id: integer('id').primaryKey(),
    seat: text('seat').notNull(),
    /** The installation that scanned (null for rows older than the column). */
    installationId: text('installation_id'),
    at: integer('at').notNull(),
    outcome: text('outcome').notNull(),
    /** What was scanned, cut to 64 characters. */
    input: text('input').notNull(),
  },
  (table) => [index('scan_failures_seat_idx').on(table.seat, table.at), index('scan_failures_installation_idx').on(table.installationId, table.at)],
);

/**
 * Scan & Redeem paused on an installation after too many failures, until `until`, unless a person ended it
 * earlier (`ended_at`, `ended_by`). The rows stay: they are the pause history.
 */
export const scanPauses = sqliteTable(
  'scan_pauses',
  {
    id: integer('id').primaryKey(),
    installationId: text('installation_id').notNull(),
    /** The seat name when the pause began. */
    seat: text('seat').notNull(),
    startedAt: integer('started_at').notNull(),
    until: integer('until').notNull(),
    /** Failures counted when it began. */
    failures: integer('failures').notNull(),
    endedAt: integer('ended_at'),
    /** The seat name of whoever ended it early. */
    endedBy: text('ended_by'),
  },
  (table) => [index('scan_pauses_installation_idx').on(table.installationId, table.id)],
);
