import { describe, expect, it } from 'vitest';
import { parseLocaleInteger, toAsciiDigits, toLocaleDigits } from '../../../shared/domain/digits';

describe('locale digits', () => {
  it('writes azb numbers in Persian digits and keeps Latin digits for th, gu, ko and en', () => {
    expect(toLocaleDigits('1405/03/21', 'azb')).toBe('۱۴۰۵/۰۳/۲۱');
    expect(toLocaleDigits('30 گون', 'azb')).toBe('۳۰ گون');
    expect(toLocaleDigits('25/5/2569', 'th')).toBe('25/5/2569');
    expect(toLocaleDigits('25/5/2026', 'gu')).toBe('25/5/2026');
    expect(toLocaleDigits('2026. 5. 25.', 'ko')).toBe('2026. 5. 25.');
    expect(toLocaleDigits('25/05/2026', 'en')).toBe('25/05/2026');
  });

  it('round-trips through toAsciiDigits', () => {
    expect(toAsciiDigits(toLocaleDigits('0123456789', 'azb'))).toBe('0123456789');
  });

  it('reads whole numbers typed in any digit script, with spaces around', () => {
    expect(parseLocaleInteger('30')).toBe(30);
    expect(parseLocaleInteger(' ۱۲ ')).toBe(12); // Persian
    expect(parseLocaleInteger('٣٠')).toBe(30); // Arabic-Indic
    expect(parseLocaleInteger('๑๐')).toBe(10); // Thai
    expect(parseLocaleInteger('૧૦૦૦૦')).toBe(10000); // Gujarati
    expect(parseLocaleInteger('१५')).toBe(15); // Devanagari
    expect(parseLocaleInteger('007')).toBe(7);
    expect(parseLocaleInteger('0')).toBe(0);
  });

  it('refuses signs, decimals, grouping, text and empty input', () => {
    for (const text of ['', '   ', '-3', '+3', '1.5', '۱٫۵', '1,000', '۱۰٬۰۰۰', '1 000', '12a', 'abc', '1e3', '99999999999999999999']) {
      expect(parseLocaleInteger(text), JSON.stringify(text)).toBeNull();
    }
  });
});
