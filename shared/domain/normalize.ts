/** Zero of each decimal digit block we accept: Arabic-Indic, Extended Arabic-Indic (Persian), Thai, Gujarati, Devanagari. */
const DIGIT_ZEROS = [0x0660, 0x06f0, 0x0e50, 0x0ae6, 0x0966];

/** Replaces Arabic-Indic, Persian, Thai, Gujarati and Devanagari digits with ASCII digits. */
export function toAsciiDigits(value: string): string {
  if (!/[^\x00-\x7f]/.test(value)) return value;
  let out = '';
  for (const char of value) {
    const code = char.codePointAt(0) ?? 0;
    const zero = DIGIT_ZEROS.find((z) => code >= z && code <= z + 9);
    out += zero === undefined ? char : String(code - zero);
  }
  return out;
}

/** A phone number reduced to its ASCII digits: spaces, dashes, dots, brackets and `+` dropped. */
export function phoneDigits(value: string): string {
  return toAsciiDigits(value).replace(/\D+/g, '');
}
