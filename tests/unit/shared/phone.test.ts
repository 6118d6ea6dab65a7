import { describe, expect, it } from 'vitest';
import { callingCode, parsePhone, phoneForms, phoneQueryPrefixes } from '../../../shared/domain/phone';
import { shopCountry } from '../../../shared/domain/shop-country';

describe('phone numbers (libphonenumber-js, min metadata)', () => {
  it('gives E.164 digits and the national form as typed at home, trunk prefix included', () => {
    expect(parsePhone('+66 81 234 5678')).toEqual({ international: '66812345678', national: '0812345678' });
    expect(parsePhone('+98 912 345 6789')).toEqual({ international: '989123456789', national: '09123456789' });
    expect(parsePhone('010-1234-5678', 'KR')).toEqual({ international: '821012345678', national: '01012345678' });
    expect(parsePhone('(201) 555-0123', 'US')).toEqual({ international: '12015550123', national: '2015550123' });
    expect(parsePhone('+1 201 555 0123 ext. 12')).toEqual({ international: '12015550123', national: '2015550123' });
    expect(parsePhone('0066 81 234 5678', 'DE')).toEqual({ international: '66812345678', national: '0812345678' });
    expect(parsePhone('12', 'TH')).toBeNull();
    expect(parsePhone('no number')).toBeNull();
  });

  it('reads any digit script', () => {
    expect(parsePhone('๐๘๑-๒๓๔-๕๖๗๘', 'TH')?.international).toBe('66812345678');
    expect(parsePhone('۰۹۱۲ ۳۴۵ ۶۷۸۹', 'IR')?.international).toBe('989123456789');
    expect(parsePhone('٠٩١٢ ٣٤٥ ٦٧٨٩', 'IR')?.international).toBe('989123456789');
    expect(parsePhone('+૯૧ ૯૮૭૬૫ ૪૩૨૧૦')?.international).toBe('919876543210');
  });

  it('indexes a number by its two forms; without a country code it is read in the shop country and kept as written', () => {
    expect(phoneForms('081-234-5678', 'TH')).toEqual({ international: '66812345678', national: '0812345678' });
    expect(phoneForms('+98 912 345 6789', 'TH')).toEqual({ international: '989123456789', national: '09123456789' });
    expect(phoneForms('66812345678', 'TH')).toEqual({ international: '66812345678', national: '0812345678' });
    expect(phoneForms('+44 7700 900123', '')).toEqual({ international: '447700900123', national: '07700900123' }); // fictional, possible
    // a Korean number written without its code in a Thai shop: read as Thai, digits as written kept
    expect(phoneForms('010-1234-5678', 'TH').national).toBe('01012345678');
    // no country to read it in, or not a number: today's digits
    expect(phoneForms('081-234-5678', '')).toEqual({ international: '0812345678', national: null });
    expect(phoneForms('555-12', 'TH')).toEqual({ international: '55512', national: null });
    expect(phoneForms('', 'TH')).toEqual({ international: null, national: null });
    expect(phoneForms('n/a', 'TH')).toEqual({ international: null, national: null });
  });

  it('expands a typed number into the prefixes it may start with', () => {
    expect(phoneQueryPrefixes('0912 345 6789', 'IR')).toEqual(['09123456789', '9809123456789', '989123456789']);
    expect(phoneQueryPrefixes('+66 81 234 5678', 'TH')).toEqual(['66812345678', '0812345678']);
    expect(phoneQueryPrefixes('98765', 'IN')).toEqual(['98765', '9198765']);
    expect(phoneQueryPrefixes('00 66 81', 'DE')).toEqual(['006681', '49006681', '6681']);
    expect(phoneQueryPrefixes('۰۹۱۲ ۳۴۵', '')).toEqual(['0912345']);
    expect(phoneQueryPrefixes('12', 'TH')).toEqual([]);
    expect(callingCode('KR')).toBe('82');
    expect(callingCode('ZZ')).toBeNull();
  });

  it("finds the shop's country from the setting, else from the time zone", () => {
    const zone = (timeZone: string, phoneCountry = '') => shopCountry({ timeZone, phoneCountry });
    expect(zone('Asia/Bangkok')).toBe('TH');
    expect(zone('Asia/Tehran')).toBe('IR');
    expect(zone('Asia/Seoul')).toBe('KR');
    expect(zone('Asia/Kolkata')).toBe('IN');
    expect(zone('Asia/Calcutta')).toBe('IN'); // an old name
    expect(zone('Europe/Berlin')).toBe('DE'); // shared with DK, NO, SE: the one it is named for
    expect(zone('UTC')).toBeUndefined();
    expect(zone('Etc/GMT+5')).toBeUndefined();
    expect(zone('Asia/Bangkok', 'KR')).toBe('KR');
    expect(zone('Asia/Bangkok', 'ZZ')).toBe('TH'); // not a country with phone numbers
  });
});
