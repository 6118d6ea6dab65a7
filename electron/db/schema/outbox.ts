import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * Local changes waiting for the cloud card service. Written in the same transaction as the change;
 * pushed in id order; the idempotency key lets the server apply each entry once.
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
  },
  (table) => [index('outbox_pending_idx').on(table.sentAt, table.id)],
);

/** Sync bookkeeping, such as the pull cursor. */
export const syncState = sqliteTable('sync_state', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});
