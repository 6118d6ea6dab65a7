import type { ErrorKey } from '../i18n/keys';
import { englishText, type TranslationParams } from '../i18n/translator';

/** Error codes that cross the API boundary. The renderer maps each to a translated sentence. */
export const ERROR_CODES = [
  'invalid_input',
  'unknown_method',
  'not_found',
  'conflict',
  'unauthorized',
  'forbidden',
  'payload_too_large',
  'storage_unavailable',
  /** The renderer could not reach its host at all. */
  'unreachable',
  'internal',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ErrorDetail {
  /** The input field at fault, dotted (`validity.date`). */
  field?: string;
  /** Values for the message (`{{id}}`, `{{count, number}}`). */
  params?: TranslationParams;
}

/**
 * Thrown inside the core; turned into `{ ok: false, error }` at the boundary. It carries a message key
 * (catalogue area `apiErrors`) and its parameters, which the renderer translates; `message` is the English
 * sentence, for logs and API clients.
 */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly key: ErrorKey;
  readonly params: TranslationParams;
  readonly field?: string;

  constructor(code: ErrorCode, key: ErrorKey, detail: ErrorDetail = {}) {
    super(englishText(`apiErrors.${key}`, detail.params));
    this.name = 'AppError';
    this.code = code;
    this.key = key;
    this.params = detail.params ?? {};
    if (detail.field !== undefined) this.field = detail.field;
  }
}
