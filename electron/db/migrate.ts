import fs from 'node:fs';
import type Database from 'better-sqlite3';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import type { BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { makeFilesPrivate } from './data-dir';
import { StorageError } from './storage-error';

const MIGRATIONS_TABLE = '__drizzle_migrations';

interface AppliedState {
  count: number;
  newest: number;
}

/**
 * Applies the shipped drizzle-kit migrations. Refuses a database written by a newer Stampdesk
 * (it holds a migration this build does not know) before writing anything to it, and copies an
 * older database aside (`stampdesk.db.before-v<N>.bak`) before upgrading it.
 * Returns the number of migrations applied in total.
 */
export function applyMigrations(
  sqlite: Database.Database,
  orm: BetterSQLite3Database<Record<string, unknown>>,
  file: string,
  migrationsDir: string,
  prepareForWrites: () => void,
): number {
  const known = readMigrationFiles({ migrationsFolder: migrationsDir });
  const newestKnown = known.at(-1)?.folderMillis ?? 0;
  const applied = readApplied(sqlite);

  if (applied.count > known.length || applied.newest > newestKnown) {
    throw new StorageError('storage.newerVersion', { file, schema: applied.count, known: known.length });
  }
  prepareForWrites();
  if (applied.count > 0 && applied.count < known.length) {
    const backup = `${file}.before-v${known.length}${fs.existsSync(`${file}.before-v${known.length}.bak`) ? `-${Date.now()}` : ''}.bak`;
    sqlite.prepare('VACUUM INTO ?').run(backup);
    makeFilesPrivate([backup]); // SQLite creates it readable by everyone (0644 under the usual umask)
  }
  if (applied.count < known.length) migrate(orm, { migrationsFolder: migrationsDir, migrationsTable: MIGRATIONS_TABLE });
  return readApplied(sqlite).count;
}

function readApplied(sqlite: Database.Database): AppliedState {
  const exists = sqlite
    .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?")
    .get(MIGRATIONS_TABLE);
  if (!exists) return { count: 0, newest: 0 };
  const row = sqlite
    .prepare(`SELECT count(*) AS count, coalesce(max(created_at), 0) AS newest FROM ${MIGRATIONS_TABLE}`)
    .get() as { count: number; newest: number };
  return { count: row.count, newest: Number(row.newest) };
}
