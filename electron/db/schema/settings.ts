import { sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** Shop-wide settings as key -> JSON value. */
export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});
