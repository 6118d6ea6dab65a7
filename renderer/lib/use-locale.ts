import { useTranslation } from 'react-i18next';
import { DEFAULT_LOCALE, isSupportedLocale, type Locale } from '../../shared/domain/locales';

/** The admin's current language (re-renders when it changes). */
export function useLocale(): Locale {
  const { i18n } = useTranslation();
  return isSupportedLocale(i18n.language) ? i18n.language : DEFAULT_LOCALE;
}
