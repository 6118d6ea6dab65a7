import { isValidJalaaliDate, jalaaliMonthLength, toGregorian, toJalaali } from 'jalaali-js';
import { toAsciiDigits, toLocaleDigits } from '../domain/digits';
import { INTL_LOCALES, type Locale } from '../domain/locales';

/**
 * Each locale's calendar, for showing and typing calendar days. What is stored is always the ISO
 * (proleptic Gregorian) `YYYY-MM-DD`; the calendars only change how a day is shown and read:
 * - gregory (en, ko, gu);
 * - buddhist (th): Gregorian months and days, year + 543 (2026 = 2569);
 * - persian (azb): Solar Hijri, converted with jalaali-js (Intl formats it but cannot do arithmetic on it).
 */
export type CalendarId = 'gregory' | 'buddhist' | 'persian';

/** A day in a locale's calendar: month 1–12. */
export interface CalendarDay {
  year: number;
  month: number;
  day: number;
}

/** 0 = Sunday … 6 = Saturday, as Date.getUTCDay(). */
export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6;

export const LOCALE_CALENDARS: Record<Locale, CalendarId> = { en: 'gregory', th: 'buddhist', ko: 'gregory', azb: 'persian', gu: 'gregory' };

/** Where each locale's week starts (CLDR: Iran Saturday; Thailand, Korea and India Sunday; the UK Monday). */
export const FIRST_DAY_OF_WEEK: Record<Locale, Weekday> = { en: 1, th: 0, ko: 0, azb: 6, gu: 0 };

/** Weekday names above the grid: Thai and Persian short names are whole words, their narrow forms are the usual ones. */
const WEEKDAY_STYLE: Record<Locale, 'short' | 'narrow'> = { en: 'short', th: 'narrow', ko: 'short', azb: 'narrow', gu: 'short' };

/** Days that can be typed or picked: Gregorian 1900–2199 (Buddhist 2443–2742, Solar Hijri 1278–1578). */
export const FIRST_DAY = '1900-01-01';
export const LAST_DAY = '2199-12-31';
const BUDDHIST_OFFSET = 543;
const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

function gregorianDays(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function isoOf(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The Gregorian parts of a valid ISO day, else null. */
function isoParts(iso: string): CalendarDay | null {
  const m = ISO.exec(iso);
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12 || day < 1 || day > gregorianDays(year, month)) return null;
  return { year, month, day };
}

function noonUtc(iso: string): number {
  const g = isoParts(iso)!;
  return Date.UTC(g.year, g.month - 1, g.day, 12);
}

export function calendarOf(locale: Locale): CalendarId {
  return LOCALE_CALENDARS[locale];
}

/** An ISO day in the locale's calendar: th 2026-05-25 -> {2569, 5, 25}; azb 2026-06-11 -> {1405, 3, 21}. */
export function fromIso(iso: string, locale: Locale): CalendarDay | null {
  const g = isoParts(iso);
  if (!g) return null;
  switch (calendarOf(locale)) {
    case 'gregory':
      return g;
    case 'buddhist':
      return { ...g, year: g.year + BUDDHIST_OFFSET };
    case 'persian': {
      const j = toJalaali(g.year, g.month, g.day);
      return { year: j.jy, month: j.jm, day: j.jd };
    }
  }
}

/** How many days a month of the locale's calendar has (Esfand: 30 in a Solar Hijri leap year, else 29). */
export function daysInMonth(year: number, month: number, locale: Locale): number {
  switch (calendarOf(locale)) {
    case 'gregory':
      return gregorianDays(year, month);
    case 'buddhist':
      return gregorianDays(year - BUDDHIST_OFFSET, month);
    case 'persian':
      return jalaaliMonthLength(year, month);
  }
}

/** The ISO day of a day in the locale's calendar, or null when no such day exists or it is out of range. */
export function toIso(date: CalendarDay, locale: Locale): string | null {
  const iso = anyIso(date, locale);
  return iso !== null && iso >= FIRST_DAY && iso <= LAST_DAY ? iso : null;
}

/** toIso without the range (the first of a month that starts before 1900 still has one). */
function anyIso(date: CalendarDay, locale: Locale): string | null {
  const { year, month, day } = date;
  if (![year, month, day].every(Number.isInteger) || month < 1 || month > 12 || day < 1) return null;
  let iso: string;
  switch (calendarOf(locale)) {
    case 'gregory':
    case 'buddhist': {
      const gy = calendarOf(locale) === 'buddhist' ? year - BUDDHIST_OFFSET : year;
      if (gy < 1 || day > gregorianDays(gy, month)) return null;
      iso = isoOf(gy, month, day);
      break;
    }
    case 'persian': {
      if (year < 1 || year > 3000 || !isValidJalaaliDate(year, month, day)) return null;
      const g = toGregorian(year, month, day);
      iso = isoOf(g.gy, g.gm, g.gd);
    }
  }
  return iso;
}

/** The day n days later (earlier for negative n). */
export function addDays(iso: string, n: number): string {
  const d = new Date(noonUtc(iso) + n * 86_400_000);
  return isoOf(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/** The same day n months later in the locale's calendar, on the month's last day when it is shorter. */
export function addMonths(iso: string, n: number, locale: Locale): string {
  const c = fromIso(iso, locale)!;
  const total = c.year * 12 + (c.month - 1) + n;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  return toIso({ year, month, day: Math.min(c.day, daysInMonth(year, month, locale)) }, locale) ?? (n < 0 ? FIRST_DAY : LAST_DAY);
}

export function addYears(iso: string, n: number, locale: Locale): string {
  return addMonths(iso, 12 * n, locale);
}

export function weekdayOf(iso: string): Weekday {
  return new Date(noonUtc(iso)).getUTCDay() as Weekday;
}

/** The first day of the week holding iso, by the locale's week (azb from Saturday, en from Monday…). */
export function startOfWeek(iso: string, locale: Locale): string {
  return addDays(iso, -((weekdayOf(iso) - FIRST_DAY_OF_WEEK[locale] + 7) % 7));
}

export function endOfWeek(iso: string, locale: Locale): string {
  return addDays(startOfWeek(iso, locale), 6);
}

const formats = new Map<string, Intl.DateTimeFormat>();

function intlFormat(locale: Locale, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(INTL_LOCALES[locale], { timeZone: 'UTC', calendar: calendarOf(locale), ...options });
    formats.set(key, format);
  }
  return format;
}

function firstOfMonth(year: number, month: number, locale: Locale): string {
  const iso = anyIso({ year, month, day: 1 }, locale);
  if (!iso) throw new RangeError(`no month ${year}-${month} in the ${calendarOf(locale)} calendar we support`);
  return iso;
}

/** The month's name from Intl: th พฤษภาคม, azb خرداد (fa-IR's Solar Hijri names, as the azb manual prints), ko 5월. */
export function monthName(year: number, month: number, locale: Locale): string {
  return intlFormat(locale, { month: 'long' }).format(noonUtc(firstOfMonth(year, month, locale)));
}

/**
 * The month and year above the grid: `พฤษภาคม 2569`, `2026년 5월`, `મે 2026`, `May 2026`, and azb `خرداد ۱۴۰۵`
 * (fa-IR would put the year first).
 */
export function monthHeading(year: number, month: number, locale: Locale): string {
  if (calendarOf(locale) === 'persian') return `${monthName(year, month, locale)} ${toLocaleDigits(String(year), locale)}`;
  return intlFormat(locale, { month: 'long', year: 'numeric' }).format(noonUtc(firstOfMonth(year, month, locale)));
}

/** The seven weekday names from the locale's first day of the week: azb ش ی د س چ پ ج, en Mon … Sun. */
export function weekdayNames(locale: Locale): string[] {
  const format = intlFormat(locale, { weekday: WEEKDAY_STYLE[locale] });
  const sunday = Date.UTC(2026, 0, 4, 12);
  return Array.from({ length: 7 }, (_, i) => format.format(sunday + ((FIRST_DAY_OF_WEEK[locale] + i) % 7) * 86_400_000));
}

/** The month as weeks of seven ISO days, from the locale's first day of the week; days of other months (and outside 1900–2199) are null. */
export function monthWeeks(year: number, month: number, locale: Locale): Array<Array<string | null>> {
  const first = firstOfMonth(year, month, locale);
  const length = daysInMonth(year, month, locale);
  const lead = (weekdayOf(first) - FIRST_DAY_OF_WEEK[locale] + 7) % 7;
  const cells: Array<string | null> = Array.from({ length: lead }, () => null);
  for (let i = 0; i < length; i++) {
    const iso = addDays(first, i);
    cells.push(iso >= FIRST_DAY && iso <= LAST_DAY ? iso : null);
  }
  while (cells.length % 7) cells.push(null);
  return Array.from({ length: cells.length / 7 }, (_, w) => cells.slice(w * 7, w * 7 + 7));
}

/**
 * A day as it is typed, in the locale's calendar and digits: en `25/05/2026`, th `25/5/2569`, gu `25/5/2026`,
 * ko `2026. 5. 25.`, azb `۱۴۰۵/۰۳/۲۱`. parseDateInput reads each back.
 */
export function formatDateInput(iso: string, locale: Locale): string {
  const c = fromIso(iso, locale);
  if (!c) return '';
  const pad = (n: number) => String(n).padStart(2, '0');
  switch (locale) {
    case 'en':
      return `${pad(c.day)}/${pad(c.month)}/${c.year}`;
    case 'th':
    case 'gu':
      return `${c.day}/${c.month}/${c.year}`;
    case 'ko':
      return `${c.year}. ${c.month}. ${c.day}.`;
    case 'azb':
      return toLocaleDigits(`${c.year}/${pad(c.month)}/${pad(c.day)}`, locale);
  }
}

/** Direction marks that copying right-to-left text brings along. */
const BIDI_MARKS = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
/** Between the numbers: / - . , spaces, Arabic comma and date separator, dashes, and Korean 년 월 일. */
const TYPED_DATE = /^(\d{1,4})[\s/.,\-\u060c\u060d\u2010-\u2015\u2212년월]+(\d{1,2})[\s/.,\-\u060c\u060d\u2010-\u2015\u2212년월]+(\d{1,4})[\s.일]*$/u;

/**
 * A typed day, read in the locale's calendar, in any digit script, with the year (four digits) first or last:
 * azb `۱۴۰۵/۰۳/۲۱`, th `25/5/2569`, ko `2026. 5. 25.`, en `25/05/2026` or `2026-05-25`. Day and month never swap
 * (no US order). Returns the ISO day, or null for anything else, a day the month does not have (1405/12/30:
 * 1405 is no leap year) or a day outside 1900–2199. A four-digit year that cannot be the locale's but is a
 * Gregorian one in range (th 2026, azb 2026: the two ranges do not overlap) is read as Gregorian.
 */
export function parseDateInput(text: string, locale: Locale): string | null {
  const m = TYPED_DATE.exec(toAsciiDigits(text.replace(BIDI_MARKS, '')).trim());
  if (!m) return null;
  const [a, b, c] = [m[1]!, m[2]!, m[3]!];
  let parts: CalendarDay;
  if (a.length === 4 && c.length <= 2) parts = { year: Number(a), month: Number(b), day: Number(c) };
  else if (c.length === 4 && a.length <= 2) parts = { year: Number(c), month: Number(b), day: Number(a) };
  else return null;
  return toIso(parts, locale) ?? (calendarOf(locale) === 'gregory' ? null : toIso(parts, 'en'));
}
