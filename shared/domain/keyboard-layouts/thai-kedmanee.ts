import type { KeyTable } from './us-qwerty';

/**
 * Thai Kedmanee, as XKB's `th` basic lists it (Windows "Thai Kedmanee" and macOS "Thai" type the same
 * characters on these keys). The US character of each key is in the comment. Combining marks are written
 * as escapes. Checked against /usr/share/X11/xkb/symbols/th by tests/unit/shared/keyboard-layouts-xkb.test.ts.
 *
 * Note for readings: the number row types Thai letters (1 → ๅ, 3 → -), Shift+number types Thai digits
 * (Shift+2 → ๑), and two keys type ASCII characters a code can hold: ` types `_` and 3 types `-`.
 */
export const THAI_KEDMANEE: KeyTable = {
  TLDE: ['_', '%'], // ` ~
  AE01: ['ๅ', '+'], // 1 !
  AE02: ['/', '๑'], // 2 @
  AE03: ['-', '๒'], // 3 #
  AE04: ['ภ', '๓'], // 4 $
  AE05: ['ถ', '๔'], // 5 %
  AE06: ['\u0E38', '\u0E39'], // 6 ^   sara u, sara uu
  AE07: ['\u0E36', '฿'], // 7 &   sara ue
  AE08: ['ค', '๕'], // 8 *
  AE09: ['ต', '๖'], // 9 (
  AE10: ['จ', '๗'], // 0 )
  AE11: ['ข', '๘'], // - _
  AE12: ['ช', '๙'], // = +
  AD01: ['ๆ', '๐'], // q Q
  AD02: ['ไ', '"'], // w W
  AD03: ['ำ', 'ฎ'], // e E
  AD04: ['พ', 'ฑ'], // r R
  AD05: ['ะ', 'ธ'], // t T
  AD06: ['\u0E31', '\u0E4D'], // y Y   mai han-akat, nikhahit
  AD07: ['\u0E35', '\u0E4A'], // u U   sara ii, mai tri
  AD08: ['ร', 'ณ'], // i I
  AD09: ['น', 'ฯ'], // o O
  AD10: ['ย', 'ญ'], // p P
  AD11: ['บ', 'ฐ'], // [ {
  AD12: ['ล', ','], // ] }
  AC01: ['ฟ', 'ฤ'], // a A
  AC02: ['ห', 'ฆ'], // s S
  AC03: ['ก', 'ฏ'], // d D
  AC04: ['ด', 'โ'], // f F
  AC05: ['เ', 'ฌ'], // g G
  AC06: ['\u0E49', '\u0E47'], // h H   mai tho, maitaikhu
  AC07: ['\u0E48', '\u0E4B'], // j J   mai ek, mai chattawa
  AC08: ['า', 'ษ'], // k K
  AC09: ['ส', 'ศ'], // l L
  AC10: ['ว', 'ซ'], // ; :
  AC11: ['ง', '.'], // ' "
  AB01: ['ผ', '('], // z Z
  AB02: ['ป', ')'], // x X
  AB03: ['แ', 'ฉ'], // c C
  AB04: ['อ', 'ฮ'], // v V
  AB05: ['\u0E34', '\u0E3A'], // b B   sara i, phinthu
  AB06: ['\u0E37', '\u0E4C'], // n N   sara uee, thanthakhat
  AB07: ['ท', '?'], // m M
  AB08: ['ม', 'ฒ'], // , <
  AB09: ['ใ', 'ฬ'], // . >
  AB10: ['ฝ', 'ฦ'], // / ?
  BKSL: ['ฃ', 'ฅ'], // \ |
};
