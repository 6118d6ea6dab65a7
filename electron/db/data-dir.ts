import fs from 'node:fs';
import path from 'node:path';
import { StorageError } from './storage-error';

/** The data folder is the user's alone: other accounts on the computer cannot list or read the shop. */
export const PRIVATE_FOLDER_MODE = 0o700;
/** Every file Stampdesk keeps there (database, WAL, shared memory, lock, backups). */
export const PRIVATE_FILE_MODE = 0o600;

/**
 * Creates the data folder if needed (0700, parents too), makes an existing one private (0700) and proves it is
 * writable, with a message a shop owner can act on.
 */
export function prepareDataDir(dataDir: string): void {
  try {
    fs.mkdirSync(dataDir, { recursive: true, mode: PRIVATE_FOLDER_MODE });
  } catch (error) {
    throw new StorageError('storage.folderCannotBeCreated', { folder: dataDir, detail: describe(error) });
  }
  makePrivate(dataDir, PRIVATE_FOLDER_MODE);
  const probe = path.join(dataDir, `.write-test-${process.pid}`);
  try {
    fs.writeFileSync(probe, 'ok', { mode: PRIVATE_FILE_MODE });
    fs.rmSync(probe, { force: true });
  } catch (error) {
    throw new StorageError('storage.folderNotWritable', { folder: dataDir, detail: describe(error) });
  }
}

/**
 * Creates `file` empty and private if it does not exist, or makes an existing one private. SQLite gives the
 * -wal and -shm files of a database the permissions of the database file, so they follow.
 */
export function createPrivateFile(file: string): void {
  try {
    fs.closeSync(fs.openSync(file, fs.constants.O_CREAT | fs.constants.O_WRONLY | fs.constants.O_APPEND, PRIVATE_FILE_MODE));
  } catch {
    return; // not creatable (a folder in its place, no permission): opening it explains the problem
  }
  makePrivate(file, PRIVATE_FILE_MODE);
}

/** Makes existing files private (those of an older Stampdesk, made with the default 0644). */
export function makeFilesPrivate(files: readonly string[]): void {
  for (const file of files) if (fs.existsSync(file)) makePrivate(file, PRIVATE_FILE_MODE);
}

/** Best effort: on Windows, or on a folder another account owns, the mode cannot be set and access stays as it is. */
function makePrivate(target: string, mode: number): void {
  if (process.platform === 'win32') return;
  try {
    if ((fs.statSync(target).mode & 0o777) !== mode) fs.chmodSync(target, mode);
  } catch {
    // not ours to change
  }
}

function describe(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return code ?? (error instanceof Error ? error.message : String(error));
}
