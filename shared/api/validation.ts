import type { z } from 'zod';
import type { ApiError } from './result';

/** Turns the first zod issue into the API's field error: `{ code: 'invalid_input', field, message }`. */
export function zodErrorToApiError(error: z.ZodError): ApiError {
  const issue = error.issues[0];
  if (!issue) return { code: 'invalid_input', message: 'The input is not valid.', field: 'input' };
  const path = issue.path.map(String);
  if (issue.code === 'unrecognized_keys' && issue.keys.length > 0) {
    const key = issue.keys[0] ?? '';
    return {
      code: 'invalid_input',
      field: [...path, key].join('.'),
      message: `Unknown field "${key.slice(0, 60)}".`,
    };
  }
  return {
    code: 'invalid_input',
    field: path.length > 0 ? path.join('.') : 'input',
    message: issue.message,
  };
}
