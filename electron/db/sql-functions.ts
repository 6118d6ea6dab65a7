import type Database from 'better-sqlite3';
import { searchKey } from '../../shared/domain/search-key';
import { phoneForms, type PhoneForms } from '../../shared/domain/phone';

/**
 * SQL functions the schema relies on: `stampdesk_search_key(text)` computes customers.name_key (the
 * card search index's input), `stampdesk_reverse(text)` customers.phone_reversed. They must exist
 * on every connection before anything is written.
 * `stampdesk_phone_international(phone, country)` and `stampdesk_phone_national(phone, country)` give
 * a phone's search forms (shared/domain/phone.ts) for set-based refills of customers' phone columns.
 */
export function registerSqlFunctions(sqlite: Database.Database): void {
  sqlite.function('stampdesk_search_key', { deterministic: true }, (value: unknown) =>
    value === null || value === undefined ? null : searchKey(String(value)),
  );
  // phone digits are ASCII: reversing code units is exact
  sqlite.function('stampdesk_reverse', { deterministic: true }, (value: unknown) =>
    value === null || value === undefined ? null : String(value).split('').reverse().join(''),
  );
  // an UPDATE asks for both forms of the same row in turn: parse once
  let last: { phone: string; country: string; forms: PhoneForms } | null = null;
  const forms = (phone: unknown, country: unknown): PhoneForms => {
    if (phone === null || phone === undefined) return { international: null, national: null };
    const text = String(phone);
    const where = country === null || country === undefined ? '' : String(country);
    if (last?.phone !== text || last.country !== where) last = { phone: text, country: where, forms: phoneForms(text, where) };
    return last.forms;
  };
  sqlite.function('stampdesk_phone_international', { deterministic: true }, (phone: unknown, country: unknown) => forms(phone, country).international);
  sqlite.function('stampdesk_phone_national', { deterministic: true }, (phone: unknown, country: unknown) => forms(phone, country).national);
}
