import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import * as schema from './schema';
import { registerSqlFunctions } from './sql-functions';
import { createPrivateFile, makeFilesPrivate, prepareDataDir } from './data-dir';
import { lockDataFolder } from './folder-lock';
import { applyMigrations } from './migrate';
import { convertLegacyOutbox } from './repos/sync-legacy-outbox.repo';
import { StorageError } from './storage-error';

export const DATABASE_FILE = 'stampdesk.db';
const SQLITE_HEADER = 'SQLite format 3\0';

export type Orm = BetterSQLite3Database<typeof schema>;

/** The one handle to the database. Only electron/db touches better-sqlite3 and drizzle. */
export interface Db {
  readonly file: string;
  readonly sqlite: Database.Database;
  readonly orm: Orm;
  /** Number of migrations applied. */
  readonly schemaVersion: number;
  /** A prepared statement for `sql`, compiled once and reused (most recent 500 kept). */
  prepare(sql: string): Database.Statement;
  /** Runs `fn` in one immediate transaction: all of it lands or none. */
  tx<T>(fn: () => T): T;
  close(): void;
}

export interface OpenDatabaseOptions {
  dataDir: string;
  migrationsDir: string;
}

/**
 * Opens (or creates) the shop database in `dataDir` and brings its schema up to date. The folder is locked for
 * this process first (one Stampdesk per data folder: electron/db/folder-lock.ts) and kept private (0700, files
 * 0600). A damaged file, a file from a newer Stampdesk, a folder in use or an unusable folder raises a
 * StorageError; an existing file is never replaced.
 */
export function openDatabase({ dataDir, migrationsDir }: OpenDatabaseOptions): Db {
  prepareDataDir(dataDir);
  const lock = lockDataFolder(dataDir);
  try {
    const file = path.join(dataDir, DATABASE_FILE);
    assertLooksLikeSqlite(file);
    createPrivateFile(file);
    makeFilesPrivate([`${file}-wal`, `${file}-shm`]);
    const db = openShopFile(file, migrationsDir);
    return { ...db, close: () => { db.close(); lock.release(); } };
  } catch (error) {
    lock.release();
    throw error;
  }
}

/**
 * Another connection to an open shop database, for a long write that runs beside the app's own connection
 * (electron/db/write-job.ts). It neither locks the folder nor migrates: its opener holds and migrated it.
 */
export function openConnection(file: string): Db {
  let sqlite: Database.Database;
  try {
    sqlite = new Database(file, { fileMustExist: true });
  } catch (error) {
    throw new StorageError('storage.cannotOpen', { file, detail: (error as Error).message });
  }
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('synchronous = FULL');
  registerSqlFunctions(sqlite);
  return handle(file, sqlite, drizzle(sqlite, { schema }), countMigrations(sqlite));
}

function openShopFile(file: string, migrationsDir: string): Db {
  let sqlite: Database.Database;
  try {
    sqlite = new Database(file);
  } catch (error) {
    throw new StorageError('storage.cannotOpen', { file, detail: (error as Error).message });
  }
  try {
    // Read-only checks first: nothing is written to a file we refuse.
    sqlite.pragma('busy_timeout = 5000');
    sqlite.pragma('foreign_keys = ON');
    registerSqlFunctions(sqlite);
    const orm = drizzle(sqlite, { schema });
    const schemaVersion = applyMigrations(sqlite, orm, file, migrationsDir, () => configureForWrites(sqlite));
    const db = handle(file, sqlite, orm, schemaVersion);
    // outbox rows of builds before sync, in the wire format before anything new is queued behind them
    convertLegacyOutbox(db);
    return db;
  } catch (error) {
    sqlite.close();
    if (error instanceof StorageError) throw error;
    throw explainSqliteFailure(file, error);
  }
}

function handle(file: string, sqlite: Database.Database, orm: Orm, schemaVersion: number): Db {
  const statements = new Map<string, Database.Statement>();
  return {
    file,
    sqlite,
    orm,
    schemaVersion,
    prepare: (sql: string) => {
      let statement = statements.get(sql);
      if (statement) {
        statements.delete(sql); // re-insert: most recently used last
      } else {
        statement = sqlite.prepare(sql);
        if (statements.size >= 500) statements.delete(statements.keys().next().value!);
      }
      statements.set(sql, statement);
      return statement;
    },
    tx: <T>(fn: () => T): T => sqlite.transaction(fn).immediate(),
    close: () => sqlite.close(),
  };
}

function countMigrations(sqlite: Database.Database): number {
  try {
    return sqlite.prepare('SELECT count(*) FROM __drizzle_migrations').pluck().get() as number;
  } catch {
    return 0;
  }
}

/** WAL with synchronous=FULL: a voucher the screen called issued survives a power cut. */
function configureForWrites(sqlite: Database.Database): void {
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  // 32 MiB page cache (filled only as pages are read): searches revisit the same index pages
  sqlite.pragma('cache_size = -32768');
}

function assertLooksLikeSqlite(file: string): void {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    return; // no file yet: it will be created
  }
  if (!stat.isFile()) {
    throw new StorageError('storage.notAFile', { file });
  }
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch (error) {
    throw new StorageError('storage.cannotRead', { file, detail: (error as NodeJS.ErrnoException).code ?? String(error) });
  }
  try {
    const header = Buffer.alloc(16);
    const read = fs.readSync(fd, header, 0, 16, 0);
    if (read === 0) return;
    if (read < 16 || header.toString('latin1') !== SQLITE_HEADER) {
      throw new StorageError('storage.notADatabase', { file });
    }
  } finally {
    fs.closeSync(fd);
  }
}

function explainSqliteFailure(file: string, error: unknown): StorageError {
  const code = (error as { code?: string }).code ?? '';
  if (code.startsWith('SQLITE_CORRUPT') || code.startsWith('SQLITE_NOTADB')) {
    return new StorageError('storage.damaged', { file });
  }
  if (code.startsWith('SQLITE_READONLY') || code.startsWith('SQLITE_CANTOPEN') || code.startsWith('SQLITE_PERM')) {
    return new StorageError('storage.cannotWrite', { file, detail: code });
  }
  return new StorageError('storage.cannotUse', { file, detail: (error as Error).message });
}
