import type { ApiError } from '../../shared/api/result';
import type { ErrorCode } from '../../shared/api/errors';

/** A failed API call inside the renderer, carrying the boundary's error code and field. */
export class ApiCallError extends Error {
  readonly code: ErrorCode;
  readonly field?: string;

  constructor(error: ApiError) {
    super(error.message);
    this.name = 'ApiCallError';
    this.code = error.code;
    if (error.field !== undefined) this.field = error.field;
  }
}
