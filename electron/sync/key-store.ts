import fs from 'node:fs';
import path from 'node:path';

/** How the shop's API key is kept: the OS keychain (Electron safeStorage), a weak one, or a private file. */
export type KeyStorageKind = 'keychain' | 'weak-keychain' | 'file';

/**
 * Where the cloud API key lives. The key goes in once (sync.configure) and only the engine reads it back, to sign
 * its requests: it never reaches the renderer, a log line or an error message.
 */
export interface KeyStore {
  /** Read each time (safeStorage can tell its backend only once Electron is ready). */
  kind(): KeyStorageKind;
  read(): string | null;
  write(key: string): void;
  clear(): void;
}

export const KEY_FILE = 'sync-api-key';

/** Writes `bytes` so that only this user can read them (0600), replacing the file atomically. */
export function writePrivateFile(file: string, bytes: string | Buffer): void {
  const temp = `${file}.${process.pid}.tmp`;
  fs.rmSync(temp, { force: true });
  fs.writeFileSync(temp, bytes, { mode: 0o600, flag: 'wx' });
  // the mode given at creation is narrowed by the umask only, never widened; make sure of it anyway
  fs.chmodSync(temp, 0o600);
  fs.renameSync(temp, file);
}

export function readOptionalFile(file: string): Buffer | null {
  try {
    return fs.readFileSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/** The browser host's store: a file in the data folder that only this user can read (0600). */
export function createFileKeyStore(dataDir: string): KeyStore {
  const file = path.join(dataDir, KEY_FILE);
  return {
    kind: () => 'file',
    read: () => {
      const bytes = readOptionalFile(file);
      const key = bytes?.toString('utf8').trim() ?? '';
      return key === '' ? null : key;
    },
    write: (key) => writePrivateFile(file, key),
    clear: () => fs.rmSync(file, { force: true }),
  };
}
