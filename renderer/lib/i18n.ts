import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from '../locales/en.json';
import type { Locale } from '../../shared/domain/locales';

/** Right-to-left languages; the layout mirrors for them. */
const RTL_LOCALES: readonly string[] = ['azb', 'ar', 'fa', 'he'];

/** Every visible string goes through this one i18next instance. */
export async function initI18n(locale: Locale = 'en'): Promise<typeof i18next> {
  await i18next.use(initReactI18next).init({
    resources: { en: { translation: en } },
    lng: locale,
    fallbackLng: 'en',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  applyDocumentLanguage(locale);
  return i18next;
}

export async function changeLanguage(locale: Locale): Promise<void> {
  await i18next.changeLanguage(locale);
  applyDocumentLanguage(locale);
}

function applyDocumentLanguage(locale: string): void {
  document.documentElement.lang = locale;
  document.documentElement.dir = RTL_LOCALES.includes(locale) ? 'rtl' : 'ltr';
}
