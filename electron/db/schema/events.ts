import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { EVENT_TYPES } from '../../../shared/domain/events';
import { cards } from './cards';

/** The card and voucher event log, in the cloud service's webhook vocabulary. */
export const events = sqliteTable(
  'events',
  {
    id: integer('id').primaryKey(),
    /**
     * The event's global id (32 hex characters, random), the same on every PC and in the cloud: pulled events are
     * deduplicated by it. Every writer sets it; a trigger fills it for a row inserted without one.
     */
    uid: text('uid'),
    cardId: integer('card_id').references(() => cards.id),
    voucherId: integer('voucher_id'),
    type: text('type', { enum: EVENT_TYPES }).notNull(),
    /** Who did it: the seat (staff login, workstation) or `system`. */
    seat: text('seat').notNull(),
    at: integer('at').notNull(),
    /** Event details as JSON (counts, stamps after, platform, reason…). */
    data: text('data'),
  },
  (table) => [
    index('events_card_idx').on(table.cardId, table.id),
    uniqueIndex('events_uid_unique').on(table.uid),
    index('events_voucher_idx').on(table.voucherId).where(sql`voucher_id IS NOT NULL`),
  ],
);
