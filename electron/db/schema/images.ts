import { blob, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** Images stored once by content hash (sha256 hex of the cleaned bytes). */
export const images = sqliteTable('images', {
  id: text('id').primaryKey(),
  mime: text('mime').notNull(),
  width: integer('width').notNull(),
  height: integer('height').notNull(),
  byteSize: integer('byte_size').notNull(),
  bytes: blob('bytes', { mode: 'buffer' }).notNull(),
  createdAt: integer('created_at').notNull(),
});
