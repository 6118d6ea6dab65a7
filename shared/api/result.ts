import type { ErrorCode } from './errors';
import type { TranslationParams } from '../i18n/translator';

/**
 * The error half of every API reply. `field` names the input field at fault, dotted (`validity.date`).
 * `key` and `params` name the sentence in the catalogues (`apiErrors.<key>` for the core's own errors,
 * `validation.<key>` for input checks, shown as `key: "validation.tooLong"`); `message` is its English text.
 */
export interface ApiError {
  code: ErrorCode;
  message: string;
  field?: string;
  key?: string;
  params?: TranslationParams;
}

/** Every API call answers with exactly this shape; handlers never throw across the boundary. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (error: ApiError): Result<never> => ({ ok: false, error });
