import type Database from 'better-sqlite3';
import { searchKey } from '../../shared/domain/search-key';

/**
 * SQL functions the schema relies on: `stampdesk_search_key(text)` computes customers.name_key (the
 * card search index's input), `stampdesk_reverse(text)` customers.phone_reversed. They must exist
 * on every connection before anything is written.
 */
export function registerSqlFunctions(sqlite: Database.Database): void {
  sqlite.function('stampdesk_search_key', { deterministic: true }, (value: unknown) =>
    value === null || value === undefined ? null : searchKey(String(value)),
  );
  // phone digits are ASCII: reversing code units is exact
  sqlite.function('stampdesk_reverse', { deterministic: true }, (value: unknown) =>
    value === null || value === undefined ? null : String(value).split('').reverse().join(''),
  );
}
