import type { ErrorCode } from '../../shared/api/errors';

/** HTTP status for each API error code; the JSON body always carries the full error. */
export const HTTP_STATUS: Record<ErrorCode, number> = {
  invalid_input: 400,
  unknown_method: 404,
  not_found: 404,
  conflict: 409,
  unauthorized: 401,
  forbidden: 403,
  payload_too_large: 413,
  storage_unavailable: 503,
  unreachable: 503,
  internal: 500,
};
