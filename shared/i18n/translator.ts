import { createInstance, type i18n, type TOptions } from 'i18next';
import { PLURAL_LOCALES, SUPPORTED_LOCALES, isSupportedLocale, type Locale } from '../domain/locales';
import { CATALOGUES } from './catalogues';
import { formatNumber } from './format';

/** Interpolation values: numbers given as `{{count, number}}` are written in the locale's digits. */
export type TranslationParams = Record<string, string | number>;

/**
 * One i18next instance over every catalogue, the same for the renderer and the core (coupons, English
 * messages for logs). Plurals use each language's CLDR rules (azb as Azerbaijani, which ICU knows as `az`);
 * `{{n, number}}` formats through shared/i18n/format.ts, since ICU has no `azb` of its own.
 */
export function createTranslator(locale: Locale = 'en'): i18n {
  const instance = createInstance({
    resources: Object.fromEntries(SUPPORTED_LOCALES.map((l) => [l, { translation: CATALOGUES[l] }])),
    lng: locale,
    fallbackLng: false,
    supportedLngs: [...SUPPORTED_LOCALES],
    initAsync: false,
    interpolation: { escapeValue: false },
    returnNull: false,
    returnEmptyString: false,
  } as Parameters<typeof createInstance>[0]);
  void instance.init();
  const resolver = instance.services.pluralResolver as unknown as { getRule(code: string, options?: { ordinal?: boolean }): Intl.PluralRules };
  const rules = new Map<string, Intl.PluralRules>();
  resolver.getRule = (code, options = {}) => {
    const language = isSupportedLocale(code) ? PLURAL_LOCALES[code] : 'en';
    const key = `${language}|${options.ordinal ? 'ordinal' : 'cardinal'}`;
    if (!rules.has(key)) rules.set(key, new Intl.PluralRules(language, { type: options.ordinal ? 'ordinal' : 'cardinal' }));
    return rules.get(key)!;
  };
  instance.services.formatter?.add('number', (value: unknown, lng: string | undefined) =>
    typeof value === 'number' && lng && isSupportedLocale(lng) ? formatNumber(value, lng) : String(value),
  );
  return instance;
}

const translators = new Map<Locale, i18n>();

/** The text of a key in one language, outside React (coupons, printed words, the core's English messages). */
export function translate(locale: Locale, key: string, params: TranslationParams = {}): string {
  let translator = translators.get(locale);
  if (!translator) {
    translator = createTranslator(locale);
    translators.set(locale, translator);
  }
  return translator.t(key, params as TOptions);
}

/** An English sentence for a key: the `message` of API errors, kept for logs and API clients. */
export function englishText(key: string, params: TranslationParams = {}): string {
  return translate('en', key, params);
}

/** Plural categories a language's catalogue must carry for every plural key. */
export function pluralCategories(locale: Locale): string[] {
  return new Intl.PluralRules(PLURAL_LOCALES[locale]).resolvedOptions().pluralCategories as string[];
}
