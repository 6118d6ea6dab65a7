import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * Running totals kept by triggers, so the list can show "1,000,000 cards" without counting a
 * million rows on every search (e.g. `live_cards`).
 */
export const counters = sqliteTable('counters', {
  name: text('name').primaryKey(),
  value: integer('value').notNull(),
});
