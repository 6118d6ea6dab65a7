import type { Locale } from './locales';
import { toAsciiDigits } from './normalize';

export { toAsciiDigits };

/** ASCII zero of each script that writes its own digits on screen. th, gu, ko and en keep Latin digits, as the manual prints. */
const LOCALE_ZERO: Partial<Record<Locale, number>> = {
  azb: 0x06f0, // Extended Arabic-Indic (Persian) ۰–۹
};

/** ASCII digits written in the locale's digits: azb `1405` -> `۱۴۰۵`; other text is kept as it is. */
export function toLocaleDigits(text: string, locale: Locale): string {
  const zero = LOCALE_ZERO[locale];
  if (zero === undefined) return text;
  return text.replace(/[0-9]/g, (d) => String.fromCodePoint(zero + d.charCodeAt(0) - 48));
}

/**
 * A whole number typed in any digit script we read (ASCII, Persian, Arabic-Indic, Thai, Gujarati, Devanagari),
 * with spaces around it: `۱۲` -> 12, ` 30 ` -> 30. Signs, decimals, grouping, mixed text or an empty field -> null.
 */
export function parseLocaleInteger(text: string): number | null {
  const ascii = toAsciiDigits(text).trim();
  if (!/^[0-9]+$/.test(ascii)) return null;
  const value = Number(ascii);
  return Number.isSafeInteger(value) ? value : null;
}
