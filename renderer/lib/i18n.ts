import type { i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { isRightToLeft, pickLocale, type Locale } from '../../shared/domain/locales';
import { createTranslator } from '../../shared/i18n/translator';

let instance: i18n | null = null;

/**
 * Every visible string goes through this one i18next instance (the shared translator, so the renderer and
 * the coupons use the same catalogues, plural rules and number formats). Until the shop's settings arrive
 * the browser's own languages decide (Electron: the OS language).
 */
export function initI18n(locale: Locale = pickLocale(navigator.languages ?? [navigator.language])): i18n {
  instance = createTranslator(locale);
  initReactI18next.init(instance); // hands the instance to useTranslation()
  applyDocumentLanguage(locale);
  return instance;
}

/** Switches the whole UI at once: React re-renders every translated text; open forms keep their state. */
export async function changeLanguage(locale: Locale): Promise<void> {
  if (!instance) initI18n(locale);
  await instance!.changeLanguage(locale);
  applyDocumentLanguage(locale);
}

function applyDocumentLanguage(locale: Locale): void {
  document.documentElement.lang = locale;
  document.documentElement.dir = isRightToLeft(locale) ? 'rtl' : 'ltr';
}
