import type { ErrorCode } from './errors';

/** The error half of every API reply. `field` names the input field at fault, dotted (`validity.days`). */
export interface ApiError {
  code: ErrorCode;
  message: string;
  field?: string;
}

/** Every API call answers with exactly this shape; handlers never throw across the boundary. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (error: ApiError): Result<never> => ({ ok: false, error });
