import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { SYNC_CONFLICT_KINDS } from '../../../shared/schemas/sync';

/**
 * Local changes for the cloud card service. Written in the same transaction as the change; pushed in id order.
 * The id is the entry's per-device sequence number (rows are never deleted, so it has no gaps); `kind` is the
 * wire operation's kind and `payload` `{ operation, events }` as shared/schemas/sync-protocol.ts has them. The
 * idempotency key lets the server apply each entry once. An entry is settled when the cloud's outcome for it has
 * arrived (`confirmed_at`, `outcome`: applied, duplicate, conflict or rejected).
 */
export const outbox = sqliteTable(
  'outbox',
  {
    id: integer('id').primaryKey(),
    idempotencyKey: text('idempotency_key').notNull().unique(),
    kind: text('kind').notNull(),
    payload: text('payload').notNull(),
    createdAt: integer('created_at').notNull(),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: integer('next_attempt_at'),
    sentAt: integer('sent_at'),
    lastError: text('last_error'),
    confirmedAt: integer('confirmed_at'),
    outcome: text('outcome'),
  },
  (table) => [index('outbox_unconfirmed_idx').on(table.id).where(sql`confirmed_at IS NULL`)],
);

/** Sync bookkeeping as key/values: the pull cursor, this device's id, the cloud's URL, on/off, the last sync … */
export const syncState = sqliteTable('sync_state', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});

/**
 * A change the cloud did not take as made (a redemption that lost to another PC's, a generated code another PC
 * holds, a change to a deleted card, a rejected change), with what stands instead, for staff to look at.
 */
export const syncConflicts = sqliteTable(
  'sync_conflicts',
  {
    id: integer('id').primaryKey(),
    kind: text('kind', { enum: SYNC_CONFLICT_KINDS }).notNull(),
    /** The outbox entry it concerns (its seq), when it was one of this PC's. */
    entrySeq: integer('entry_seq'),
    operation: text('operation').notNull(),
    at: integer('at').notNull(),
    seat: text('seat').notNull(),
    cardToken: text('card_token'),
    voucherToken: text('voucher_token'),
    label: text('label'),
    reasonKey: text('reason_key').notNull(),
    reasonParams: text('reason_params').notNull().default('{}'),
    detail: text('detail'),
    createdAt: integer('created_at').notNull(),
    seenAt: integer('seen_at'),
  },
  (table) => [index('sync_conflicts_unseen_idx').on(table.id).where(sql`seen_at IS NULL`)],
);
