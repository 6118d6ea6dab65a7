import fs from 'node:fs';
import path from 'node:path';
import { readOptionalFile, writePrivateFile, type KeyStore, type KeyStorageKind } from './key-store';

/** The part of Electron's `safeStorage` the key store uses (electron/main.ts passes the real one). */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
  /** Linux only: 'basic_text' means a hard-coded password, i.e. no real protection. */
  getSelectedStorageBackend?(): string;
}

export const ENCRYPTED_KEY_FILE = 'sync-api-key.enc';
const PLAIN_MARK = 'plain:';

/**
 * The Electron host's store: the key encrypted by the OS keychain (safeStorage) in a private file of the data
 * folder. When the OS offers only weak protection (Linux without a keyring: backend `basic_text`, or no encryption
 * at all) the kind says `weak-keychain`, so the Sync section can say so; without encryption the key is still kept
 * in a file only this user can read.
 */
export function createSafeStorageKeyStore(safeStorage: SafeStorageLike, dataDir: string, platform = process.platform): KeyStore {
  const file = path.join(dataDir, ENCRYPTED_KEY_FILE);
  const encrypts = () => safeStorage.isEncryptionAvailable();
  const kind = (): KeyStorageKind => {
    if (!encrypts()) return 'weak-keychain';
    if (platform === 'linux' && safeStorage.getSelectedStorageBackend?.() === 'basic_text') return 'weak-keychain';
    return 'keychain';
  };
  return {
    kind,
    read: () => {
      const bytes = readOptionalFile(file);
      if (!bytes || bytes.length === 0) return null;
      const text = bytes.toString('latin1');
      if (text.startsWith(PLAIN_MARK)) return bytes.subarray(PLAIN_MARK.length).toString('utf8');
      return safeStorage.decryptString(bytes);
    },
    write: (key) => writePrivateFile(file, encrypts() ? safeStorage.encryptString(key) : Buffer.from(PLAIN_MARK + key, 'utf8')),
    clear: () => fs.rmSync(file, { force: true }),
  };
}
