/**
 * Languages the admin is translated into. Only languages with a complete catalogue are listed:
 * a later issue adds Thai, Korean, South Azerbaijani and Gujarati.
 */
export const SUPPORTED_LOCALES = ['en'] as const;

export type Locale = (typeof SUPPORTED_LOCALES)[number];

export const DEFAULT_LOCALE: Locale = 'en';

export function isSupportedLocale(value: string): value is Locale {
  return (SUPPORTED_LOCALES as readonly string[]).includes(value);
}
