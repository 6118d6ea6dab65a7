import type { ErrorCode } from './errors';
import type { ApiError } from './result';
import type { ErrorKey } from '../i18n/keys';
import { englishText, type TranslationParams } from '../i18n/translator';

/** The reply for one of the core's error keys (`apiErrors.<key>`), its English sentence as `message`. */
export function apiError(code: ErrorCode, key: ErrorKey, params?: TranslationParams, field?: string): ApiError {
  return {
    code,
    key: `apiErrors.${key}`,
    message: englishText(`apiErrors.${key}`, params),
    ...(params && Object.keys(params).length > 0 ? { params } : {}),
    ...(field ? { field } : {}),
  };
}
