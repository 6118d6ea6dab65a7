import type { KeyName, KeyTable } from './us-qwerty';

/**
 * Persian standard (ISIRI 9147), as XKB's `ir` pes layout lists it (its `pes_part_basic` levels 1 and 2).
 * This is Windows' "Persian (Standard)" (KBDFAR, since Windows 8; one difference below). Windows' older
 * "Persian" (KBDFA: ASCII digits, پ on the backslash key, other shifted characters) and macOS's "Persian"
 * and "Persian – ISIRI 2901" place shifted characters differently and are not read here. The US character
 * of each key is in the comment; combining marks and invisible characters are written as escapes.
 * Checked against /usr/share/X11/xkb/symbols/ir by tests/unit/shared/keyboard-layouts-xkb.test.ts.
 *
 * The number row types Persian digits (۱…۰), `-` types `-`, and Shift+`-` types tatweel (ـ), not `_`.
 * Shift+B types a zero-width non-joiner (U+200C): invisible, but it is there in the scanned text.
 */
export const PERSIAN_STANDARD: KeyTable = {
  TLDE: ['\u200D', '÷'], // ` ~   zero-width joiner
  AE01: ['۱', '!'], // 1 !
  AE02: ['۲', '٬'], // 2 @
  AE03: ['۳', '٫'], // 3 #
  AE04: ['۴', '﷼'], // 4 $
  AE05: ['۵', '٪'], // 5 %
  AE06: ['۶', '×'], // 6 ^
  AE07: ['۷', '،'], // 7 &
  AE08: ['۸', '*'], // 8 *
  AE09: ['۹', ')'], // 9 (   (mirrored for right-to-left)
  AE10: ['۰', '('], // 0 )
  AE11: ['-', 'ـ'], // - _   tatweel
  AE12: ['=', '+'], // = +
  AD01: ['ض', '\u0652'], // q Q   sukun
  AD02: ['ص', '\u064C'], // w W   dammatan
  AD03: ['ث', '\u064D'], // e E   kasratan
  AD04: ['ق', '\u064B'], // r R   fathatan
  AD05: ['ف', '\u064F'], // t T   damma
  AD06: ['غ', '\u0650'], // y Y   kasra
  AD07: ['ع', '\u064E'], // u U   fatha
  AD08: ['ه', '\u0651'], // i I   shadda
  AD09: ['خ', ']'], // o O
  AD10: ['ح', '['], // p P
  AD11: ['ج', '}'], // [ {
  AD12: ['چ', '{'], // ] }
  AC01: ['ش', 'ؤ'], // a A
  AC02: ['س', 'ئ'], // s S
  AC03: ['ی', 'ي'], // d D   Farsi yeh, Arabic yeh
  AC04: ['ب', 'إ'], // f F
  AC05: ['ل', 'أ'], // g G
  AC06: ['ا', 'آ'], // h H
  AC07: ['ت', 'ة'], // j J
  AC08: ['ن', '»'], // k K
  AC09: ['م', '«'], // l L
  AC10: ['ک', ':'], // ; :
  AC11: ['گ', '؛'], // ' "
  AB01: ['ظ', 'ك'], // z Z   Arabic kaf
  AB02: ['ط', '\u0653'], // x X   maddah above
  AB03: ['ز', 'ژ'], // c C
  AB04: ['ر', '\u0670'], // v V   superscript alef
  AB05: ['ذ', '\u200C'], // b B   zero-width non-joiner
  AB06: ['د', '\u0654'], // n N   hamza above
  AB07: ['پ', 'ء'], // m M
  AB08: ['و', '>'], // , <
  AB09: ['.', '<'], // . >
  AB10: ['/', '؟'], // / ?
  BKSL: ['\\', '|'], // \ |
};

/**
 * Where Windows' "Persian (Standard)" types something else than ISIRI 9147 / XKB on a key a code can use
 * (from Unicode CLDR's keyboards/windows/fa-t-k0-windows-extended.xml): Shift+X types ط like X without
 * Shift, so on Windows ط may be either case of X. (Its other differences, Shift+4 = "ریال" and
 * Shift+` = U+200D, are on keys no code or token uses.) Hand-written: XKB has no Windows variant.
 */
export const PERSIAN_STANDARD_WINDOWS_EXTRA: ReadonlyArray<{ key: KeyName; shifted: true; types: string }> = [
  { key: 'AB02', shifted: true, types: 'ط' },
];
