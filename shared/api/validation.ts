import type { z } from 'zod';
import type { ApiError } from './result';
import { isValidationKey, type ValidationKey } from '../i18n/keys';
import { englishText, type TranslationParams } from '../i18n/translator';

/**
 * Turns the first zod issue into the API's field error. Schemas name their sentence by giving a validation
 * key as the issue's message (`{ message: 'titleRequired' }`, see shared/schemas/messages.ts); other issues
 * get a key by their kind (too long, too small, unknown field…). Limits travel as `min`/`max` parameters.
 */
export function zodErrorToApiError(error: z.ZodError): ApiError {
  const issue = error.issues[0];
  if (!issue) return validationError('invalid', {}, 'input');
  const path = issue.path.map(String);
  if (issue.code === 'unrecognized_keys' && issue.keys.length > 0) {
    const name = (issue.keys[0] ?? '').slice(0, 60);
    return validationError('unknownField', { name }, [...path, name].join('.'));
  }
  const params: TranslationParams = {};
  const limits = issue as { minimum?: unknown; maximum?: unknown; params?: Record<string, unknown> };
  if (typeof limits.minimum === 'number' || typeof limits.minimum === 'bigint') params.min = Number(limits.minimum);
  if (typeof limits.maximum === 'number' || typeof limits.maximum === 'bigint') params.max = Number(limits.maximum);
  for (const [name, value] of Object.entries(limits.params ?? {})) if (typeof value === 'number' || typeof value === 'string') params[name] = value;
  return validationError(keyOf(issue), params, path.length > 0 ? path.join('.') : 'input');
}

function keyOf(issue: z.core.$ZodIssue): ValidationKey {
  if (isValidationKey(issue.message)) return issue.message;
  switch (issue.code) {
    case 'too_small':
      return issue.origin === 'string' && issue.minimum === 1 ? 'required' : 'tooSmall';
    case 'too_big':
      return issue.origin === 'string' ? 'tooLong' : 'tooBig';
    case 'invalid_type':
      return issue.expected === 'int' ? 'notWhole' : 'wrongType';
    case 'invalid_value':
    case 'invalid_union':
      return 'notAllowed';
    default:
      return 'invalid';
  }
}

function validationError(key: ValidationKey, params: TranslationParams, field: string): ApiError {
  const fullKey = `validation.${key}`;
  return { code: 'invalid_input', field, key: fullKey, message: englishText(fullKey, params), ...(Object.keys(params).length > 0 ? { params } : {}) };
}
