import { sql } from 'drizzle-orm';
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
    /** The name's search key (shared/domain/search-key.ts, through the SQL function the app registers). */
    nameKey: text('name_key').generatedAlwaysAs(sql`stampdesk_search_key(name)`, { mode: 'stored' }),
    /** The e-mail in ASCII lower case (SQLite's lower()), for case-insensitive prefix search. */
    emailKey: text('email_key').generatedAlwaysAs(sql`lower(trim(email))`, { mode: 'stored' }),
    /** The phone digits reversed: a phone found by its last digits is a prefix search here. */
    phoneReversed: text('phone_reversed').generatedAlwaysAs(sql`stampdesk_reverse(phone_digits)`, { mode: 'stored' }),
  },
  (table) => [
    /** Name prefix search for short queries, and the list sorted by name. */
    index('customers_name_key_idx').on(table.nameKey, table.id),
    /** E-mail prefix search, case-insensitive; also matches imports to existing customers. */
    index('customers_email_key_idx').on(table.emailKey),
    /** Phone search: by the first digits, and (reversed) by the last digits. */
    index('customers_phone_idx').on(table.phoneDigits),
    index('customers_phone_reversed_idx').on(table.phoneReversed),
  ],
);
