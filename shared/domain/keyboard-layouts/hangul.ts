import { COMPOUND_JAMO } from './dubeolsik';

/**
 * Hangul by Unicode arithmetic: a precomposed syllable is U+AC00 + (initial × 21 + vowel) × 28 + final
 * (final 0 = none). The jamo below are in Unicode's index order, as compatibility jamo (U+3131…), the
 * form an IME types for a jamo standing alone.
 */
const SYLLABLE_FIRST = 0xac00;
const SYLLABLE_LAST = 0xd7a3;
const INITIALS = 'ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ';
const VOWELS = 'ㅏㅐㅑㅒㅓㅔㅕㅖㅗㅘㅙㅚㅛㅜㅝㅞㅟㅠㅡㅢㅣ';
/** Index 0 is "no final". */
const FINALS = ['', ...'ㄱㄲㄳㄴㄵㄶㄷㄹㄺㄻㄼㄽㄾㄿㅀㅁㅂㅄㅅㅆㅇㅈㅊㅋㅌㅍㅎ'];

/** Conjoining jamo blocks (U+1100 initials, U+1161 vowels, U+11A8 finals): the decomposed form (NFD). */
const CONJOINING_INITIAL = 0x1100;
const CONJOINING_VOWEL = 0x1161;
const CONJOINING_FINAL = 0x11a7;

export function isHangul(char: string): boolean {
  const code = char.codePointAt(0)!;
  return (
    (code >= SYLLABLE_FIRST && code <= SYLLABLE_LAST) ||
    (code >= 0x3131 && code <= 0x3163) ||
    (code >= CONJOINING_INITIAL && code < CONJOINING_INITIAL + INITIALS.length) ||
    (code >= CONJOINING_VOWEL && code < CONJOINING_VOWEL + VOWELS.length) ||
    (code > CONJOINING_FINAL && code < CONJOINING_FINAL + FINALS.length)
  );
}

/** A syllable or jamo as the compatibility jamo of its parts, in typing order; other characters unchanged. */
function jamoOf(char: string): string {
  const code = char.codePointAt(0)!;
  if (code >= SYLLABLE_FIRST && code <= SYLLABLE_LAST) {
    const index = code - SYLLABLE_FIRST;
    return INITIALS[Math.floor(index / 588)]! + VOWELS[Math.floor((index % 588) / 28)]! + FINALS[index % 28]!;
  }
  if (code >= CONJOINING_INITIAL && code < CONJOINING_INITIAL + INITIALS.length) return INITIALS[code - CONJOINING_INITIAL]!;
  if (code >= CONJOINING_VOWEL && code < CONJOINING_VOWEL + VOWELS.length) return VOWELS[code - CONJOINING_VOWEL]!;
  if (code > CONJOINING_FINAL && code < CONJOINING_FINAL + FINALS.length) return FINALS[code - CONJOINING_FINAL]!;
  return char;
}

/**
 * The single jamo a text was typed as, one per key: syllables split into initial, vowel and final, compound
 * vowels (ㅘ → ㅗㅏ) and final clusters (ㄳ → ㄱㅅ) into their two keys. 가 → ㄱㅏ, 각 → ㄱㅏㄱ, 닭 → ㄷㅏㄹㄱ.
 * Characters that are not Hangul are kept as they are.
 */
export function decomposeHangul(text: string): string {
  let out = '';
  for (const char of text) {
    for (const jamo of jamoOf(char)) out += COMPOUND_JAMO[jamo] ?? jamo;
  }
  return out;
}
