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

/** Thrown inside the core; turned into `{ ok: false, error }` at the boundary. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly field?: string;

  constructor(code: ErrorCode, message: string, field?: string) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    if (field !== undefined) this.field = field;
  }
}
