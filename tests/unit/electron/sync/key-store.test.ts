import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFileKeyStore, KEY_FILE } from '../../../../electron/sync/key-store';
import { createSafeStorageKeyStore, ENCRYPTED_KEY_FILE, type SafeStorageLike } from '../../../../electron/sync/safe-storage-key-store';
import { makeTempDir } from '../../../support/temp-dir';

const KEY = 'sk_live_abcdef0123456789';

/**
 * Stands in for Electron's safeStorage (no Electron binary here): like the real one it prefixes a version tag and
 * returns bytes that are not the plain text, and it can say which Linux backend it uses.
 */
function fakeSafeStorage(options: { available: boolean; backend?: string }): SafeStorageLike {
  const mask = (bytes: Buffer) => Buffer.from(bytes.map((b) => b ^ 0x5a));
  return {
    isEncryptionAvailable: () => options.available,
    encryptString: (text) => {
      if (!options.available) throw new Error('Encryption is not available.');
      return Buffer.concat([Buffer.from('v11'), mask(Buffer.from(text, 'utf8'))]);
    },
    decryptString: (bytes) => mask(bytes.subarray(3)).toString('utf8'),
    getSelectedStorageBackend: () => options.backend ?? 'gnome_libsecret',
  };
}

describe('API key stores', () => {
  let temp: ReturnType<typeof makeTempDir>;
  beforeEach(() => {
    temp = makeTempDir();
  });
  afterEach(() => temp.cleanup());

  it('browser host: a file only this user can read (0600), even under a permissive umask', () => {
    const old = process.umask(0o000);
    try {
      const store = createFileKeyStore(temp.dir);
      expect(store.read()).toBeNull();
      store.write(KEY);
      expect(store.read()).toBe(KEY);
      expect(store.kind()).toBe('file');
      expect(fs.statSync(path.join(temp.dir, KEY_FILE)).mode & 0o777).toBe(0o600);
      store.write('sk_second');
      expect(store.read()).toBe('sk_second');
      expect(fs.statSync(path.join(temp.dir, KEY_FILE)).mode & 0o777).toBe(0o600);
      store.clear();
      expect(store.read()).toBeNull();
    } finally {
      process.umask(old);
    }
  });

  it('Electron with a real keychain: the file holds no plain key, kind keychain', () => {
    const store = createSafeStorageKeyStore(fakeSafeStorage({ available: true }), temp.dir, 'linux');
    store.write(KEY);
    const bytes = fs.readFileSync(path.join(temp.dir, ENCRYPTED_KEY_FILE));
    expect(bytes.includes(Buffer.from(KEY))).toBe(false);
    expect(fs.statSync(path.join(temp.dir, ENCRYPTED_KEY_FILE)).mode & 0o777).toBe(0o600);
    expect(store.read()).toBe(KEY);
    expect(store.kind()).toBe('keychain');
  });

  it('Linux without a keyring (basic_text) is weak-keychain; on macOS the same backend name means nothing', () => {
    expect(createSafeStorageKeyStore(fakeSafeStorage({ available: true, backend: 'basic_text' }), temp.dir, 'linux').kind()).toBe('weak-keychain');
    expect(createSafeStorageKeyStore(fakeSafeStorage({ available: true, backend: 'basic_text' }), temp.dir, 'darwin').kind()).toBe('keychain');
  });

  it('no encryption at all: weak-keychain, the key still kept in a 0600 file and read back', () => {
    const store = createSafeStorageKeyStore(fakeSafeStorage({ available: false }), temp.dir, 'linux');
    expect(store.kind()).toBe('weak-keychain');
    store.write(KEY);
    expect(fs.statSync(path.join(temp.dir, ENCRYPTED_KEY_FILE)).mode & 0o777).toBe(0o600);
    expect(store.read()).toBe(KEY);
  });
});
