import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

export const customers = sqliteTable(
  'customers',
  {
    id: integer('id').primaryKey(),
    name: text('name').notNull(),
    email: text('email'),
    phone: text('phone'),
    /**
     * The phone's international form for search: its E.164 digits (no `+`) when it parses (a number
     * without a country code is read in the country of `phone_search`), else its digits as written.
     * Set by every write path with shared/domain/phone.ts (`phoneForms`).
     */
    phoneDigits: text('phone_digits'),
    /** The phone's national form as typed at home, digits only (`0812345678`); null when it does not parse. */
    phoneNational: text('phone_national'),
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
    /** Phone search by the number as written at home (trunk prefix, no country code). */
    index('customers_phone_national_idx').on(table.phoneNational),
  ],
);

/**
 * One row: the country (ISO 3166 code, '' for none) that customers' phone forms were computed with
 * for numbers written without a country code. No row: never computed (a database from before
 * national phone search); electron/cards/phone-search.ts brings it in step with the shop's country.
 */
export const phoneSearch = sqliteTable('phone_search', {
  id: integer('id').primaryKey(),
  country: text('country').notNull(),
});
