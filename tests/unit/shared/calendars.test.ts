import { describe, expect, it } from 'vitest';
import { SUPPORTED_LOCALES } from '../../../shared/domain/locales';
import {
  addDays,
  addMonths,
  addYears,
  daysInMonth,
  endOfWeek,
  formatDateInput,
  fromIso,
  monthHeading,
  monthName,
  monthWeeks,
  parseDateInput,
  startOfWeek,
  toIso,
  weekdayNames,
  weekdayOf,
} from '../../../shared/i18n/calendars';
import { formatIsoDate } from '../../../shared/i18n/format';

describe('calendar conversion', () => {
  it('knows the pairs the manual prints', () => {
    expect(fromIso('2026-05-25', 'th')).toEqual({ year: 2569, month: 5, day: 25 });
    expect(formatIsoDate('2026-05-25', 'th')).toBe('25 พฤษภาคม 2569');
    expect(monthName(2569, 5, 'th')).toBe('พฤษภาคม');
    expect(fromIso('2026-06-11', 'azb')).toEqual({ year: 1405, month: 3, day: 21 });
    expect(formatIsoDate('2026-06-11', 'azb')).toBe('۲۱ خرداد ۱۴۰۵');
    expect(monthName(1405, 3, 'azb')).toBe('خرداد');
    expect(toIso({ year: 1405, month: 3, day: 21 }, 'azb')).toBe('2026-06-11');
    expect(toIso({ year: 2569, month: 5, day: 25 }, 'th')).toBe('2026-05-25');
    for (const locale of ['en', 'ko', 'gu'] as const) expect(fromIso('2026-05-25', locale)).toEqual({ year: 2026, month: 5, day: 25 });
  });

  it('Nowruz starts the Solar Hijri year', () => {
    expect(fromIso('2026-03-21', 'azb')).toEqual({ year: 1405, month: 1, day: 1 });
    expect(fromIso('2026-03-20', 'azb')).toEqual({ year: 1404, month: 12, day: 29 });
  });

  it('has Esfand 30 only in Solar Hijri leap years', () => {
    expect(daysInMonth(1403, 12, 'azb')).toBe(30); // 1403 is a leap year
    expect(toIso({ year: 1403, month: 12, day: 30 }, 'azb')).toBe('2025-03-20');
    expect(daysInMonth(1404, 12, 'azb')).toBe(29);
    expect(daysInMonth(1405, 12, 'azb')).toBe(29);
    expect(toIso({ year: 1405, month: 12, day: 30 }, 'azb')).toBeNull();
    expect(toIso({ year: 1405, month: 12, day: 31 }, 'azb')).toBeNull();
    expect(daysInMonth(1405, 1, 'azb')).toBe(31);
    expect(daysInMonth(1405, 7, 'azb')).toBe(30);
  });

  it('follows the Gregorian leap years in the Buddhist era', () => {
    expect(daysInMonth(2567, 2, 'th')).toBe(29); // 2024
    expect(daysInMonth(2569, 2, 'th')).toBe(28); // 2026
    expect(toIso({ year: 2569, month: 2, day: 29 }, 'th')).toBeNull();
    expect(toIso({ year: 2026, month: 4, day: 31 }, 'en')).toBeNull();
    expect(toIso({ year: 2026, month: 13, day: 1 }, 'ko')).toBeNull();
  });

  it('changes the year at each calendar’s own new year', () => {
    expect(fromIso('2026-12-31', 'th')).toEqual({ year: 2569, month: 12, day: 31 });
    expect(fromIso('2027-01-01', 'th')).toEqual({ year: 2570, month: 1, day: 1 });
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(fromIso('2026-12-31', 'ko')).toEqual({ year: 2026, month: 12, day: 31 });
    expect(fromIso('2027-01-01', 'gu')).toEqual({ year: 2027, month: 1, day: 1 });
    // Dec/Jan is mid-Dey in the Solar Hijri year: no year change there, but one at Nowruz
    expect(fromIso('2026-12-31', 'azb')).toEqual({ year: 1405, month: 10, day: 10 });
    expect(fromIso('2027-01-01', 'azb')).toEqual({ year: 1405, month: 10, day: 11 });
    expect(fromIso('2027-03-20', 'azb')).toEqual({ year: 1405, month: 12, day: 29 });
    expect(fromIso('2027-03-21', 'azb')).toEqual({ year: 1406, month: 1, day: 1 });
    expect(addMonths('2027-03-10', 1, 'azb')).toBe('2027-04-08'); // 19 Esfand 1405 -> 19 Farvardin 1406
    expect(fromIso('2027-04-08', 'azb')).toEqual({ year: 1406, month: 1, day: 19 });
  });

  it('agrees with Intl’s Buddhist and Persian calendars on every day of 2024–2027', () => {
    const parts = (locale: string, calendar: string) => {
      const format = new Intl.DateTimeFormat(`${locale}-u-nu-latn`, { timeZone: 'UTC', calendar, year: 'numeric', month: 'numeric', day: 'numeric' });
      return (t: number) => {
        const p = Object.fromEntries(format.formatToParts(t).map((x) => [x.type, x.value]));
        return { year: Number(p.year), month: Number(p.month), day: Number(p.day) };
      };
    };
    const persian = parts('fa-IR', 'persian');
    const buddhist = parts('th-TH', 'buddhist');
    for (let iso = '2024-01-01'; iso <= '2027-12-31'; iso = addDays(iso, 1)) {
      const t = Date.parse(`${iso}T12:00:00Z`);
      expect(fromIso(iso, 'azb'), iso).toEqual(persian(t));
      expect(fromIso(iso, 'th'), iso).toEqual(buddhist(t));
      expect(toIso(fromIso(iso, 'azb')!, 'azb')).toBe(iso);
    }
  });
});

describe('calendar arithmetic', () => {
  it('moves by months and years in the locale’s calendar, keeping to the month’s end', () => {
    expect(addMonths('2026-01-31', 1, 'en')).toBe('2026-02-28');
    expect(addMonths('2026-12-15', 1, 'th')).toBe('2027-01-15');
    expect(addMonths('2026-01-15', -1, 'ko')).toBe('2025-12-15');
    // 31 Shahrivar 1405 + 1 month = 30 Mehr (Mehr has 30 days)
    expect(fromIso(addMonths(toIso({ year: 1405, month: 6, day: 31 }, 'azb')!, 1, 'azb'), 'azb')).toEqual({ year: 1405, month: 7, day: 30 });
    expect(addYears('2024-02-29', 1, 'en')).toBe('2025-02-28');
    // 30 Esfand 1403 + 1 year = 29 Esfand 1404
    expect(fromIso(addYears('2025-03-20', 1, 'azb'), 'azb')).toEqual({ year: 1404, month: 12, day: 29 });
  });

  it('starts weeks on Saturday (azb), Sunday (th, ko, gu) or Monday (en)', () => {
    expect(weekdayOf('2026-06-11')).toBe(4); // a Thursday
    expect(startOfWeek('2026-06-11', 'azb')).toBe('2026-06-06');
    expect(endOfWeek('2026-06-11', 'azb')).toBe('2026-06-12');
    expect(startOfWeek('2026-06-11', 'th')).toBe('2026-06-07');
    expect(startOfWeek('2026-06-11', 'en')).toBe('2026-06-08');
    expect(endOfWeek('2026-06-14', 'en')).toBe('2026-06-14');
    expect(weekdayNames('en')).toEqual(['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun']);
    expect(weekdayNames('azb')).toEqual(['ش', 'ی', 'د', 'س', 'چ', 'پ', 'ج']);
    expect(weekdayNames('th')[0]).toBe('อา');
    expect(weekdayNames('ko')[0]).toBe('일');
  });

  it('lays a month out in weeks from the locale’s first weekday', () => {
    const khordad = monthWeeks(1405, 3, 'azb'); // 1 Khordad 1405 = Friday 22 May 2026
    expect(khordad[0]).toEqual([null, null, null, null, null, null, '2026-05-22']);
    expect(khordad.flat().filter(Boolean)).toHaveLength(31);
    expect(khordad.flat().filter(Boolean).at(-1)).toBe('2026-06-21'); // 31 Khordad
    const may = monthWeeks(2569, 5, 'th'); // 1 May 2026 is a Friday; Thai weeks start on Sunday
    expect(may[0]!.indexOf('2026-05-01')).toBe(5);
    expect(may.flat().filter(Boolean)).toHaveLength(31);
    for (const week of [...khordad, ...may]) expect(week).toHaveLength(7);
  });

  it('lays out the months at the ends of the supported range without the days outside it', () => {
    const dey1278 = monthWeeks(1278, 10, 'azb'); // holds 1 January 1900 (11 Dey 1278)
    const days = dey1278.flat().filter(Boolean);
    expect(days[0]).toBe('1900-01-01');
    expect(days).toHaveLength(20);
    expect(monthHeading(1278, 10, 'azb')).toBe('دی ۱۲۷۸');
    expect(monthWeeks(2742, 12, 'th').flat().filter(Boolean).at(-1)).toBe('2199-12-31');
    expect(addMonths('1900-01-15', -1, 'en')).toBe('1900-01-01');
    expect(addYears('2199-06-01', 1, 'th')).toBe('2199-12-31');
  });

  it('names the month above the grid', () => {
    expect(monthHeading(2569, 5, 'th')).toBe('พฤษภาคม 2569');
    expect(monthHeading(1405, 3, 'azb')).toBe('خرداد ۱۴۰۵');
    expect(monthHeading(2026, 5, 'ko')).toBe('2026년 5월');
    expect(monthHeading(2026, 5, 'en')).toBe('May 2026');
    expect(monthHeading(2026, 5, 'gu')).toBe('મે 2026');
  });
});

describe('typed dates', () => {
  it('writes a day the way it is typed', () => {
    expect(formatDateInput('2026-05-25', 'en')).toBe('25/05/2026');
    expect(formatDateInput('2026-05-25', 'th')).toBe('25/5/2569');
    expect(formatDateInput('2026-05-25', 'gu')).toBe('25/5/2026');
    expect(formatDateInput('2026-05-25', 'ko')).toBe('2026. 5. 25.');
    expect(formatDateInput('2026-06-11', 'azb')).toBe('۱۴۰۵/۰۳/۲۱');
  });

  it('reads back what it writes, in every locale', () => {
    for (const locale of SUPPORTED_LOCALES) {
      for (const iso of ['2026-05-25', '2026-12-31', '2027-01-01', '2025-03-20', '2024-02-29']) {
        expect(parseDateInput(formatDateInput(iso, locale), locale), `${locale} ${iso}`).toBe(iso);
      }
    }
  });

  it('reads each locale’s order, any digit script and the common separators', () => {
    expect(parseDateInput('۱۴۰۵/۰۳/۲۱', 'azb')).toBe('2026-06-11');
    expect(parseDateInput('1405/3/21', 'azb')).toBe('2026-06-11');
    expect(parseDateInput('١٤٠٥-٠٣-٢١', 'azb')).toBe('2026-06-11'); // Arabic-Indic digits
    expect(parseDateInput('\u200f۱۴۰۵/۰۳/۲۱\u200f', 'azb')).toBe('2026-06-11'); // with copied direction marks
    expect(parseDateInput('۲۱/۰۳/۱۴۰۵', 'azb')).toBe('2026-06-11'); // year last
    expect(parseDateInput('25/5/2569', 'th')).toBe('2026-05-25');
    expect(parseDateInput('๒๕/๕/๒๕๖๙', 'th')).toBe('2026-05-25'); // Thai digits
    expect(parseDateInput('25.05.2569', 'th')).toBe('2026-05-25');
    expect(parseDateInput('2026. 5. 25.', 'ko')).toBe('2026-05-25');
    expect(parseDateInput('2026.5.25', 'ko')).toBe('2026-05-25');
    expect(parseDateInput('2026년 5월 25일', 'ko')).toBe('2026-05-25');
    expect(parseDateInput('25/05/2026', 'en')).toBe('2026-05-25');
    expect(parseDateInput(' 2026-05-25 ', 'en')).toBe('2026-05-25');
    expect(parseDateInput('25 5 2026', 'en')).toBe('2026-05-25');
    expect(parseDateInput('૨૫/૫/૨૦૨૬', 'gu')).toBe('2026-05-25'); // Gujarati digits
  });

  it('takes a Gregorian year where the locale’s own cannot be meant (th and azb ranges never overlap it)', () => {
    expect(parseDateInput('2026-05-25', 'th')).toBe('2026-05-25');
    expect(parseDateInput('11/06/2026', 'azb')).toBe('2026-06-11');
  });

  it('refuses what is not a day', () => {
    const refused: Array<[string, (typeof SUPPORTED_LOCALES)[number]]> = [
      ['', 'en'],
      ['hello', 'en'],
      ['25/05', 'en'],
      ['25/05/26', 'en'], // two-digit years are ambiguous
      ['05/25/2026', 'en'], // no US order
      ['31/04/2026', 'en'],
      ['29/2/2569', 'th'], // 2026 is no leap year
      ['1405/12/31', 'azb'],
      ['1405/12/30', 'azb'], // Esfand 30 only in leap years
      ['1405/13/01', 'azb'],
      ['2026/05/25/1', 'ko'],
      ['2026 05 25 x', 'ko'],
      ['1800-01-01', 'en'], // out of range
      ['-2026-05-25', 'en'],
    ];
    for (const [text, locale] of refused) expect(parseDateInput(text, locale), `${locale} ${text}`).toBeNull();
    expect(parseDateInput('1403/12/30', 'azb')).toBe('2025-03-20');
  });
});
