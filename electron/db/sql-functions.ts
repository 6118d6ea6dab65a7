import type Database from 'better-sqlite3';
import { searchKey } from '../../shared/domain/search-key';

/**
 * SQL functions the schema relies on. `stampdesk_search_key(text)` feeds the card search index,
 * its triggers and the name/e-mail expression indexes, so it must exist on every connection
 * before anything is written.
 */
export function registerSqlFunctions(sqlite: Database.Database): void {
  sqlite.function('stampdesk_search_key', { deterministic: true }, (value: unknown) =>
    value === null || value === undefined ? null : searchKey(String(value)),
  );
}
