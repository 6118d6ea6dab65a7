/**
 * The languages Stampdesk speaks: English, Thai, Korean, South Azerbaijani (Arabic script, right to left)
 * and Gujarati. Each has a complete catalogue in shared/i18n/catalogues/.
 */
export const SUPPORTED_LOCALES = ['en', 'th', 'ko', 'azb', 'gu'] as const;

export type Locale = (typeof SUPPORTED_LOCALES)[number];

export const DEFAULT_LOCALE: Locale = 'en';

/** Each language by its own name, as the language picker lists them. */
export const LOCALE_NAMES: Record<Locale, string> = {
  en: 'English',
  th: 'ไทย',
  ko: '한국어',
  azb: 'تۆرکجه',
  gu: 'ગુજરાતી',
};

/**
 * The locale Intl is asked for. ICU has no `azb`: `Intl.DateTimeFormat('azb')` silently falls back to
 * en-US, while `fa-IR` gives what the azb manual prints (Solar Hijri calendar, Persian digits, the same
 * month names). Thai gets the Buddhist era by default.
 */
export const INTL_LOCALES: Record<Locale, string> = {
  en: 'en-GB',
  th: 'th-TH',
  ko: 'ko-KR',
  azb: 'fa-IR',
  gu: 'gu-IN',
};

/** The CLDR plural rules of each language: azb follows Azerbaijani (one/other), which ICU knows as `az`. */
export const PLURAL_LOCALES: Record<Locale, string> = {
  en: 'en',
  th: 'th',
  ko: 'ko',
  azb: 'az',
  gu: 'gu',
};

export function isSupportedLocale(value: string): value is Locale {
  return (SUPPORTED_LOCALES as readonly string[]).includes(value);
}

export function isRightToLeft(locale: Locale): boolean {
  return locale === 'azb';
}

/**
 * The first of the system's preferred languages that Stampdesk speaks, else English. `th-TH`, `ko`,
 * `gu-IN` and `azb-IR` match by their language part; Persian (`fa`) and North Azerbaijani (`az`, Latin
 * script) do not count as azb.
 */
export function pickLocale(preferred: readonly string[]): Locale {
  for (const tag of preferred) {
    const language = tag.trim().toLowerCase().split(/[-_.@]/)[0] ?? '';
    if (isSupportedLocale(language)) return language;
  }
  return DEFAULT_LOCALE;
}
