import { INTL_LOCALES, type Locale } from '../domain/locales';

/** What every date needs: the shop's time zone and the admin's language. */
export interface DateContext {
  locale: Locale;
  timeZone: string;
}

const cache = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();

function dateFormat(locale: Locale, timeZone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `d|${locale}|${timeZone}|${JSON.stringify(options)}`;
  let format = cache.get(key) as Intl.DateTimeFormat | undefined;
  if (!format) {
    format = new Intl.DateTimeFormat(INTL_LOCALES[locale], { timeZone, ...options });
    cache.set(key, format);
  }
  return format;
}

function numberFormat(locale: Locale, options: Intl.NumberFormatOptions = {}): Intl.NumberFormat {
  const key = `n|${locale}|${JSON.stringify(options)}`;
  let format = cache.get(key) as Intl.NumberFormat | undefined;
  if (!format) {
    format = new Intl.NumberFormat(INTL_LOCALES[locale], options);
    cache.set(key, format);
  }
  return format;
}

/** Shown where there is no date. */
export const NO_DATE = '—';

/**
 * A day as the manual prints it, in the locale's calendar: `25 พฤษภาคม 2569` (th, Buddhist era),
 * `2026년 5월 25일` (ko), `۴ خرداد ۱۴۰۵` (azb, Solar Hijri with Persian digits), `25 મે, 2026` (gu),
 * `25 May 2026` (en).
 */
export function formatDate(instant: number | null, ctx: DateContext): string {
  if (instant === null) return NO_DATE;
  return dateFormat(ctx.locale, ctx.timeZone, { dateStyle: 'long' }).format(instant);
}

/** The time of day, 24-hour, in the locale's digits: `14:05`, azb `۱۴:۰۵`. */
export function formatTime(instant: number, ctx: DateContext): string {
  return dateFormat(ctx.locale, ctx.timeZone, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(instant);
}

/**
 * A day and its time. ICU's own joiners are used where they are the language's (th `… เวลา 14:05`,
 * ko, gu, en); fa-IR's would put the Persian word ساعت into azb text, so azb joins with a comma.
 */
export function formatDateTime(instant: number | null, ctx: DateContext): string {
  if (instant === null) return NO_DATE;
  if (ctx.locale === 'azb') return `${formatDate(instant, ctx)}، ${formatTime(instant, ctx)}`;
  return dateFormat(ctx.locale, ctx.timeZone, { dateStyle: 'long', timeStyle: 'short', hourCycle: 'h23' }).format(instant);
}

/** A calendar day given as ISO `YYYY-MM-DD` (a FIXED DATE, a filter bound), in the locale's calendar. */
export function formatIsoDate(iso: string, locale: Locale): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  const noon = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), 12);
  return dateFormat(locale, 'UTC', { dateStyle: 'long' }).format(noon);
}

/** A count or quantity in the locale's digits and grouping: `10,000`, azb `۱۰٬۰۰۰`, gu `10,000`. */
export function formatNumber(value: number, locale: Locale): string {
  return numberFormat(locale).format(value);
}

/** A whole percentage: `75%`, azb `۷۵٪`. */
export function formatPercent(value: number, locale: Locale): string {
  return numberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(value / 100);
}

/**
 * Items as a list in the language's own way: `Apple Wallet and Google Wallet`, th `… และ…`. ICU's fa-IR list
 * puts a right-to-left mark after its comma; it is dropped, as nothing on screen carries invisible marks.
 */
export function formatList(items: readonly string[], locale: Locale): string {
  return new Intl.ListFormat(INTL_LOCALES[locale], { style: 'long', type: 'conjunction' }).format(items).replace(/[\u200e\u200f]/g, '');
}
