import type { KeyName, KeyOutput } from './us-qwerty';

/**
 * Korean 2-set (Dubeolsik, KS X 5002), the layout of Windows' Microsoft IME and macOS's "2-Set Korean":
 * the jamo each letter key types, [without Shift, with Shift]. Shift changes only five consonants (into
 * their doubled forms) and two vowels; on every other letter key Shift types the same jamo, so the letter's
 * case is lost. Keys that are not letters type what US QWERTY types (digits, `-`, `_`). The IME composes
 * the jamo into syllables (see hangul.ts).
 *
 * Hand-written: XKB has no Dubeolsik table (its `kr` layouts are US QWERTY plus Hangul/Hanja keys; the
 * jamo come from the IME), so this follows the national standard.
 */
export const DUBEOLSIK: Readonly<Partial<Record<KeyName, KeyOutput>>> = {
  AD01: ['ㅂ', 'ㅃ'], // q Q
  AD02: ['ㅈ', 'ㅉ'], // w W
  AD03: ['ㄷ', 'ㄸ'], // e E
  AD04: ['ㄱ', 'ㄲ'], // r R
  AD05: ['ㅅ', 'ㅆ'], // t T
  AD06: ['ㅛ', 'ㅛ'], // y Y
  AD07: ['ㅕ', 'ㅕ'], // u U
  AD08: ['ㅑ', 'ㅑ'], // i I
  AD09: ['ㅐ', 'ㅒ'], // o O
  AD10: ['ㅔ', 'ㅖ'], // p P
  AC01: ['ㅁ', 'ㅁ'], // a A
  AC02: ['ㄴ', 'ㄴ'], // s S
  AC03: ['ㅇ', 'ㅇ'], // d D
  AC04: ['ㄹ', 'ㄹ'], // f F
  AC05: ['ㅎ', 'ㅎ'], // g G
  AC06: ['ㅗ', 'ㅗ'], // h H
  AC07: ['ㅓ', 'ㅓ'], // j J
  AC08: ['ㅏ', 'ㅏ'], // k K
  AC09: ['ㅣ', 'ㅣ'], // l L
  AB01: ['ㅋ', 'ㅋ'], // z Z
  AB02: ['ㅌ', 'ㅌ'], // x X
  AB03: ['ㅊ', 'ㅊ'], // c C
  AB04: ['ㅍ', 'ㅍ'], // v V
  AB05: ['ㅠ', 'ㅠ'], // b B
  AB06: ['ㅜ', 'ㅜ'], // n N
  AB07: ['ㅡ', 'ㅡ'], // m M
};

/** Vowels the IME builds from two vowel keys, and final consonant clusters from two consonant keys. */
export const COMPOUND_JAMO: Readonly<Record<string, string>> = {
  ㅘ: 'ㅗㅏ',
  ㅙ: 'ㅗㅐ',
  ㅚ: 'ㅗㅣ',
  ㅝ: 'ㅜㅓ',
  ㅞ: 'ㅜㅔ',
  ㅟ: 'ㅜㅣ',
  ㅢ: 'ㅡㅣ',
  ㄳ: 'ㄱㅅ',
  ㄵ: 'ㄴㅈ',
  ㄶ: 'ㄴㅎ',
  ㄺ: 'ㄹㄱ',
  ㄻ: 'ㄹㅁ',
  ㄼ: 'ㄹㅂ',
  ㄽ: 'ㄹㅅ',
  ㄾ: 'ㄹㅌ',
  ㄿ: 'ㄹㅍ',
  ㅀ: 'ㄹㅎ',
  ㅄ: 'ㅂㅅ',
};
