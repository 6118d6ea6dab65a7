import type { TFunction } from 'i18next';
import { ApiCallError } from './api-error';

/**
 * An API error in the admin's language: the core's own sentence by its key and parameters when it sent
 * one (`apiErrors.*`, `validation.*`), else the general sentence for its code. Never the English `message`.
 */
export function errorText(error: unknown, t: TFunction): string {
  if (error instanceof ApiCallError) {
    if (error.key && t(error.key, { ...error.params, defaultValue: '' })) return t(error.key, error.params ?? {});
    return t(`errors.${error.code}`);
  }
  return t('errors.internal');
}

/** The translated error for one form field, or null when the error is about something else. */
export function fieldErrorText(error: unknown, field: string, t: TFunction): string | null {
  if (!(error instanceof ApiCallError) || !error.field) return null;
  return error.field === field || error.field.startsWith(`${field}.`) ? errorText(error, t) : null;
}
