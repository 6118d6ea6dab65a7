import { AppError } from '../../shared/api/errors';

/** The data folder or database file cannot be used. The message tells a shop owner what to do. */
export class StorageError extends AppError {
  constructor(message: string) {
    super('storage_unavailable', message);
    this.name = 'StorageError';
  }
}
