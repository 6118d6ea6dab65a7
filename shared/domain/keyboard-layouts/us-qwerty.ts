/**
 * Keys by position, named as XKB names them (ISO 9995 rows: AE = number row, AD = Q row, AC = A row,
 * AB = Z row; TLDE left of 1, BKSL backslash). A keyboard-wedge scanner presses these keys as if the
 * keyboard were US QWERTY; the OS's active layout decides which characters they type.
 */
export const KEY_NAMES = [
  'TLDE', 'AE01', 'AE02', 'AE03', 'AE04', 'AE05', 'AE06', 'AE07', 'AE08', 'AE09', 'AE10', 'AE11', 'AE12',
  'AD01', 'AD02', 'AD03', 'AD04', 'AD05', 'AD06', 'AD07', 'AD08', 'AD09', 'AD10', 'AD11', 'AD12',
  'AC01', 'AC02', 'AC03', 'AC04', 'AC05', 'AC06', 'AC07', 'AC08', 'AC09', 'AC10', 'AC11',
  'AB01', 'AB02', 'AB03', 'AB04', 'AB05', 'AB06', 'AB07', 'AB08', 'AB09', 'AB10',
  'BKSL',
] as const;

export type KeyName = (typeof KEY_NAMES)[number];

/** What one key types: [without Shift, with Shift]. */
export type KeyOutput = readonly [unshifted: string, shifted: string];

/** A layout's printable keys by position. */
export type KeyTable = Readonly<Record<KeyName, KeyOutput>>;

/** US QWERTY (XKB `us` basic): the characters a scanner means when it presses each key. */
export const US_QWERTY: KeyTable = {
  TLDE: ['`', '~'],
  AE01: ['1', '!'],
  AE02: ['2', '@'],
  AE03: ['3', '#'],
  AE04: ['4', '$'],
  AE05: ['5', '%'],
  AE06: ['6', '^'],
  AE07: ['7', '&'],
  AE08: ['8', '*'],
  AE09: ['9', '('],
  AE10: ['0', ')'],
  AE11: ['-', '_'],
  AE12: ['=', '+'],
  AD01: ['q', 'Q'],
  AD02: ['w', 'W'],
  AD03: ['e', 'E'],
  AD04: ['r', 'R'],
  AD05: ['t', 'T'],
  AD06: ['y', 'Y'],
  AD07: ['u', 'U'],
  AD08: ['i', 'I'],
  AD09: ['o', 'O'],
  AD10: ['p', 'P'],
  AD11: ['[', '{'],
  AD12: [']', '}'],
  AC01: ['a', 'A'],
  AC02: ['s', 'S'],
  AC03: ['d', 'D'],
  AC04: ['f', 'F'],
  AC05: ['g', 'G'],
  AC06: ['h', 'H'],
  AC07: ['j', 'J'],
  AC08: ['k', 'K'],
  AC09: ['l', 'L'],
  AC10: [';', ':'],
  AC11: ["'", '"'],
  AB01: ['z', 'Z'],
  AB02: ['x', 'X'],
  AB03: ['c', 'C'],
  AB04: ['v', 'V'],
  AB05: ['b', 'B'],
  AB06: ['n', 'N'],
  AB07: ['m', 'M'],
  AB08: [',', '<'],
  AB09: ['.', '>'],
  AB10: ['/', '?'],
  BKSL: ['\\', '|'],
};
