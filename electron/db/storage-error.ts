import { AppError } from '../../shared/api/errors';
import type { ErrorKey } from '../../shared/i18n/keys';
import type { TranslationParams } from '../../shared/i18n/translator';

/** The data folder or database file cannot be used. The message tells a shop owner what to do. */
export class StorageError extends AppError {
  constructor(key: Extract<ErrorKey, `storage.${string}`>, params: TranslationParams) {
    super('storage_unavailable', key, { params });
    this.name = 'StorageError';
  }
}

/**
 * SQLite's "database is locked" (SQLITE_BUSY, SQLITE_LOCKED and their extended codes) as the error a person can
 * act on: the shop's data is busy with a long write (a large import or voucher batch) and nothing was changed.
 * Anything else: null.
 */
export function busyAsStorageError(error: unknown): StorageError | null {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string' || !(code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'))) return null;
  return new StorageError('storage.busy', {});
}
