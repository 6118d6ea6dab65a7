import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { cards } from './cards';

export const MESSAGE_STATUSES = ['queued', 'sent', 'failed'] as const;

/** A personal message to a card holder by wallet push and/or email, delivered through the cloud. */
export const messages = sqliteTable(
  'messages',
  {
    id: integer('id').primaryKey(),
    /** The message's global id (random hex), the same on every PC and in the cloud. */
    uid: text('uid'),
    cardId: integer('card_id')
      .notNull()
      .references(() => cards.id),
    pushText: text('push_text'),
    emailSubject: text('email_subject'),
    emailBody: text('email_body'),
    status: text('status', { enum: MESSAGE_STATUSES }).notNull().default('queued'),
    createdAt: integer('created_at').notNull(),
    seat: text('seat').notNull(),
  },
  (table) => [index('messages_card_idx').on(table.cardId), uniqueIndex('messages_uid_unique').on(table.uid)],
);
