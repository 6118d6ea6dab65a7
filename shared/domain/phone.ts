import { AsYouType, getCountryCallingCode, isSupportedCountry, parsePhoneNumberFromString, type CountryCode, type PhoneNumber } from 'libphonenumber-js/min';
import { phoneDigits, toAsciiDigits } from './normalize';

/*
 * Phone numbers for search, parsed by libphonenumber-js with its `min` metadata: calling codes,
 * national prefixes, possible lengths, each country's number pattern and national formats (~80 kB).
 * That is all search needs. The `max` metadata (twice the size, and slower to parse with) adds the
 * per-type patterns behind getType() and a stricter isValid(): search must not drop a stored number
 * because its range is new or fictional (+44 7700 900…), so stored numbers only need to be
 * *possible* (their length fits the country), which `min` answers exactly.
 */

/** The plus signs libphonenumber-js reads as "a country code follows". */
const PLUS = /[+\uff0b]/;

/** A stored number, as search indexes it. */
export interface PhoneForms {
  /** The E.164 digits (no `+`) when the number parses, else its digits as written; null without digits. */
  international: string | null;
  /** The national form as typed at home, trunk prefix included (`0812345678`), digits only; null when unparsed. */
  national: string | null;
}

export interface ParsedPhone {
  /** E.164 without the `+`: `66812345678`. */
  international: string;
  /** National format, digits only: `0812345678` (TH), `01012345678` (KR), `2015550123` (US, no trunk prefix). */
  national: string;
}

/** `TH` when libphonenumber-js has a numbering plan for that country, else undefined. */
export function phoneCountry(code: string | null | undefined): CountryCode | undefined {
  return code && isSupportedCountry(code) ? code : undefined;
}

/** The country calling code of a country (`TH` → `66`), or null. */
export function callingCode(country: string | null | undefined): string | null {
  const known = phoneCountry(country);
  return known ? getCountryCallingCode(known) : null;
}

/**
 * Parses a number written in any digit script with spaces, dashes or brackets. With a country code
 * (`+98 …`, or the country's international prefix such as `00`) it stands on its own; without one it
 * is read in `defaultCountry`. Null when it does not parse or its length cannot be a number there;
 * `valid` also asks that it fits the country's number pattern.
 */
export function parsePhone(value: string, defaultCountry?: string | null, valid = false): ParsedPhone | null {
  const parsed = parse(value, defaultCountry, valid);
  return parsed ? { international: parsed.number.slice(1), national: nationalDigits(parsed) } : null;
}

function parse(value: string, defaultCountry: string | null | undefined, valid: boolean): PhoneNumber | null {
  const parsed = parsePhoneNumberFromString(toAsciiDigits(value), phoneCountry(defaultCountry));
  return parsed && (valid ? parsed.isValid() : parsed.isPossible()) ? parsed : null;
}

/** The national format, digits only (the extension left out). */
const nationalDigits = (parsed: PhoneNumber) => phoneDigits(parsed.formatNational({ formatExtension: (formatted) => formatted }));

/**
 * What the phone indexes hold for a stored number.
 * - Written with its country code (`+98 912 345 6789`, or digits that are its E.164 form, as spreadsheets
 *   leave `66812345678`): its E.164 digits and its national form as libphonenumber-js formats it.
 * - Written without one (`081-234-5678`): read in the shop's country for its E.164 digits; its national
 *   form is the digits as written, which is how it is typed at home. (A foreign number written without
 *   its code may read as a number of the shop's country; its digits as written stay findable.)
 * - Not a possible number (or no country to read it in): its digits as written, no national form.
 */
export function phoneForms(value: string | null | undefined, defaultCountry?: string | null): PhoneForms {
  if (!value) return { international: null, national: null };
  const ascii = toAsciiDigits(value);
  const digits = phoneDigits(ascii);
  const withPlus = PLUS.test(ascii);
  // without a `+` and without a country, libphonenumber-js cannot read it: skip the parse
  const parsed = withPlus || phoneCountry(defaultCountry) ? parse(ascii, withPlus ? undefined : defaultCountry, false) : null;
  if (!parsed) return { international: digits === '' ? null : digits, national: null };
  const international = parsed.number.slice(1);
  // formatting costs as much as parsing: only a number written with its country code needs it
  const national = withPlus || international === digits ? nationalDigits(parsed) : digits;
  return { international, national };
}

/**
 * The digit prefixes a typed (possibly partial) number is looked up by, in both the international
 * and the national index:
 * - the digits as typed: `0912 345` finds the national form 09123456789, `98912` the E.164 989123456789,
 *   and a number that did not parse by the digits it was written with;
 * - typed without `+` in a shop with a country: its calling code in front (`98765` in India finds
 *   +91 98765 43210, `81 234` in Thailand finds 081-234-5678);
 * - after an international prefix (`00 66 81…` in Germany): the calling code and what follows;
 * - a complete, valid number's own two forms (`+66 (0)81 234 5678`, `081 234 5678` for +66 81 234 5678).
 * Fewer than 3 digits: none.
 */
export function phoneQueryPrefixes(query: string, shopCountry?: string | null): string[] {
  const ascii = toAsciiDigits(query);
  const digits = phoneDigits(ascii);
  if (digits.length < 3) return [];
  const country = phoneCountry(shopCountry);
  const prefixes = new Set([digits]);
  const code = callingCode(country);
  if (code && !PLUS.test(ascii)) prefixes.add(code + digits);
  const typer = new AsYouType(country);
  typer.input(ascii);
  const typed = typer.isInternational() ? typer.getNumber() : undefined;
  if (typed) prefixes.add(typed.number.slice(1));
  const parsed = parsePhone(ascii, country, true);
  if (parsed) {
    prefixes.add(parsed.international);
    prefixes.add(parsed.national);
  }
  return [...prefixes].filter((prefix) => prefix.length >= 3);
}
