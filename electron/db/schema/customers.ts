import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

export const customers = sqliteTable(
  'customers',
  {
    id: integer('id').primaryKey(),
    name: text('name').notNull(),
    email: text('email'),
    phone: text('phone'),
    /** The phone reduced to ASCII digits, for search. */
    phoneDigits: text('phone_digits'),
    birthday: text('birthday'),
    createdAt: integer('created_at').notNull(),
  },
  (table) => [index('customers_email_idx').on(table.email)],
);
