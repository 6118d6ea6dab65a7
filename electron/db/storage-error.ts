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
