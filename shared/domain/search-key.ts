import { toAsciiDigits } from './normalize';

const ASCII_ONLY = /^[\x00-\x7f]*$/;

/**
 * The search key of a name or e-mail: what the card search indexes and what a query is compared with.
 * - compatibility-decomposed (NFKD) and lower-cased: "ÉMILE" and "emile" meet;
 * - Latin accents, Arabic short vowels, tatweel and zero-width joiners dropped;
 *   Arabic Yeh/Kaf unified with their Persian forms (ي→ی, ك→ک), as South Azerbaijani writes them;
 * - Hangul syllables stay decomposed into jamo, so a two-syllable query (민준) is six characters
 *   long and a trigram index finds it inside 김민준;
 * - local digits (Thai, Persian, Arabic-Indic, Gujarati) become ASCII;
 * - all whitespace removed, so "สมชาย ศรีสุข" is found by "สมชายศรีสุข" and the other way round.
 */
export function searchKey(value: string): string {
  // fast path for plain ASCII (Latin names, e-mail addresses): lower case, no whitespace
  if (ASCII_ONLY.test(value)) return value.toLowerCase().replace(/\s+/g, '');
  return toAsciiDigits(
    value
      .normalize('NFKD')
      .toLowerCase()
      .replace(/[\u0300-\u036f\u064b-\u065f\u0670\u0640\u200b-\u200f\u2060\ufeff]/g, '')
      .replace(/\u064a/g, '\u06cc')
      .replace(/\u0649/g, '\u06cc')
      .replace(/\u0643/g, '\u06a9'),
  ).replace(/\s+/gu, '');
}

/** The words of a query, each as a search key. */
export function searchWords(query: string): string[] {
  return query
    .split(/\s+/u)
    .map(searchKey)
    .filter((word) => word.length > 0);
}

/** Length in code points (what the trigram index counts). */
export function codePointLength(value: string): number {
  let n = 0;
  for (const _ of value) n++;
  return n;
}
