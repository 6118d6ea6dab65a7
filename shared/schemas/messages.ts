import type { ValidationKey } from '../i18n/keys';

/**
 * A schema's own sentence for an input check, by its key in the `validation` catalogue area: zod carries
 * the key as the message and shared/api/validation.ts turns it into a translated field error.
 * `params` (custom checks only) fill the sentence's placeholders.
 */
export function says(key: ValidationKey, params?: Record<string, number | string>): { message: ValidationKey; params?: Record<string, number | string> } {
  return params ? { message: key, params } : { message: key };
}
