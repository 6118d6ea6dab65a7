import path from 'node:path';
import Database from 'better-sqlite3';
import { createPrivateFile } from './data-dir';
import { StorageError } from './storage-error';

/** The lock file in the data folder: a tiny SQLite database one Stampdesk holds exclusively. */
export const LOCK_FILE = 'stampdesk.lock';

export interface FolderLock {
  release(): void;
}

/**
 * Makes this process the only Stampdesk on `dataDir` (browser host, Electron, seeder alike) until `release()`.
 * The lock is SQLite's own exclusive file lock on `stampdesk.lock` (POSIX advisory locks, LockFileEx on Windows):
 * the operating system drops it when the process ends, however it ends (kill -9, a crash, a power cut), so a
 * stale lock never blocks a later start. A second opener, in another process or this one, gets
 * `storage.alreadyRunning` at once.
 */
export function lockDataFolder(dataDir: string): FolderLock {
  const file = path.join(dataDir, LOCK_FILE);
  createPrivateFile(file);
  let lock: Database.Database | null = null;
  try {
    lock = new Database(file, { timeout: 0 });
    // no journal file beside it, and the lock is kept after the first transaction until the connection closes
    lock.pragma('journal_mode = MEMORY');
    lock.pragma('locking_mode = EXCLUSIVE');
    lock.exec('BEGIN EXCLUSIVE');
    lock.exec('COMMIT');
  } catch (error) {
    lock?.close();
    const code = (error as { code?: string }).code ?? '';
    if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
      throw new StorageError('storage.alreadyRunning', { folder: dataDir });
    }
    throw new StorageError('storage.cannotUse', { file, detail: (error as Error).message });
  }
  const held = lock;
  let released = false;
  return {
    release() {
      if (released) return;
      released = true;
      held.close();
    },
  };
}
