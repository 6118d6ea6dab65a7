import type { ApiError } from '../../shared/api/result';
import type { ErrorCode } from '../../shared/api/errors';
import type { TranslationParams } from '../../shared/i18n/translator';

/** A failed API call inside the renderer, carrying the boundary's error code, field and message key. */
export class ApiCallError extends Error {
  readonly code: ErrorCode;
  readonly field?: string;
  /** The catalogue key of the sentence (`apiErrors.card.notFound`, `validation.tooLong`), if the core sent one. */
  readonly key?: string;
  readonly params?: TranslationParams;

  constructor(error: ApiError) {
    super(error.message);
    this.name = 'ApiCallError';
    this.code = error.code;
    if (error.field !== undefined) this.field = error.field;
    if (error.key !== undefined) this.key = error.key;
    if (error.params !== undefined) this.params = error.params;
  }
}
