import { describe, expect, it } from 'vitest';
import { phoneDigits, toAsciiDigits } from '../../../shared/domain/normalize';

describe('digit normalization', () => {
  it('maps Thai, Persian, Arabic-Indic, Gujarati and Devanagari digits to ASCII', () => {
    expect(toAsciiDigits('๐๘๑-๒๓๔-๕๖๗๘')).toBe('081-234-5678');
    expect(toAsciiDigits('۰۹۱۴ ۱۲۳ ۴۵۶۷')).toBe('0914 123 4567');
    expect(toAsciiDigits('٠٩١٤')).toBe('0914');
    expect(toAsciiDigits('૯૮૭૬૫')).toBe('98765');
    expect(toAsciiDigits('९८७')).toBe('987');
    expect(toAsciiDigits('สมชาย 42')).toBe('สมชาย 42');
  });

  it('reduces a phone number to its digits', () => {
    expect(phoneDigits('+66 (81) 234-5678')).toBe('66812345678');
    expect(phoneDigits('+98 ۹۱۴.۱۲۳.۴۵۶۷')).toBe('989141234567');
    expect(phoneDigits('no digits')).toBe('');
  });
});
