import { DUBEOLSIK } from './dubeolsik';
import { decomposeHangul, isHangul } from './hangul';
import { PERSIAN_STANDARD, PERSIAN_STANDARD_WINDOWS_EXTRA } from './persian-standard';
import { THAI_KEDMANEE } from './thai-kedmanee';
import { KEY_NAMES, US_QWERTY, type KeyName, type KeyOutput } from './us-qwerty';

export type LayoutName = 'thai-kedmanee' | 'korean-dubeolsik' | 'persian-standard';

/** One way to read a scanned or typed text: the keys that were pressed, as US QWERTY characters. */
export interface KeyReading {
  /** The layout the text was read through; null for plain ASCII taken as it is. */
  layout: LayoutName | null;
  /**
   * The US-QWERTY characters of the keys pressed. Where the layout types the same on a letter key with and
   * without Shift (most Dubeolsik letters), the letter is given in lower case and its index is in `anyCase`.
   */
  text: string;
  /** Indexes (UTF-16, ascending) of letters that may have been either case. */
  anyCase: readonly number[];
}

/** The key that types a character: its US character, lower case if the layout hides Shift on it. */
interface Key {
  char: string;
  anyCase: boolean;
}

interface Layout {
  name: LayoutName;
  keys: ReadonlyMap<string, Key>;
  /** The text as typed per key: characters, or for Korean the jamo of the composed syllables. */
  split(text: string): string[];
  /** Whether a character shows this layout was on: it types it, and no code holds it as it is. */
  shows(char: string): boolean;
}

/** Characters a code, voucher token, card number or card token can hold as they are (and a space). */
const PLAIN = /^[0-9A-Za-z_ -]$/;
const PRINTABLE_ASCII = /^[\x20-\x7e]$/;
const ALL_ASCII = /^[\x20-\x7e]*$/;

/** Character typed → the key that types it. A character on two keys is refused unless it is one letter's two cases. */
function keysOf(table: Partial<Record<KeyName, KeyOutput>>, extra: ReadonlyArray<{ key: KeyName; shifted: boolean; types: string }> = []): Map<string, Key> {
  const found = new Map<string, Set<string>>();
  const add = (typed: string, usChar: string) => {
    if (!found.has(typed)) found.set(typed, new Set());
    found.get(typed)!.add(usChar);
  };
  for (const name of KEY_NAMES) {
    const output = table[name];
    if (!output) continue;
    add(output[0], US_QWERTY[name][0]);
    add(output[1], US_QWERTY[name][1]);
  }
  for (const { key, shifted, types } of extra) add(types, US_QWERTY[key][shifted ? 1 : 0]);

  const keys = new Map<string, Key>();
  for (const [typed, chars] of found) {
    const [first, second] = [...chars];
    if (second === undefined) keys.set(typed, { char: first!, anyCase: false });
    else if (chars.size === 2 && first!.toLowerCase() === second.toLowerCase()) keys.set(typed, { char: first!.toLowerCase(), anyCase: true });
    else throw new Error(`Keyboard layout data: ${JSON.stringify(typed)} is typed by several keys (${[...chars].join(' ')}).`);
  }
  return keys;
}

function characterLayout(name: LayoutName, keys: Map<string, Key>): Layout {
  return { name, keys, split: (text) => [...text], shows: (char) => keys.has(char) && !PLAIN.test(char) };
}

const LAYOUTS: readonly Layout[] = [
  characterLayout('thai-kedmanee', keysOf(THAI_KEDMANEE)),
  characterLayout('persian-standard', keysOf(PERSIAN_STANDARD, PERSIAN_STANDARD_WINDOWS_EXTRA)),
  { name: 'korean-dubeolsik', keys: keysOf(DUBEOLSIK), split: (text) => [...decomposeHangul(text)], shows: isHangul },
];

/**
 * The keys a text was typed with, read through each keyboard layout a shop may leave on while a
 * keyboard-wedge scanner types (Thai Kedmanee, Korean Dubeolsik with composed syllables, Persian standard).
 *
 * - Plain ASCII comes back unchanged, as the first reading. A layout is tried only when the text holds a
 *   character that layout types and no code holds as it is (a Thai letter, a Hangul syllable, a Persian
 *   letter or digit, or ASCII such as `/` that Thai types on the 2 key).
 * - ASCII characters the layout does not type are kept as they are (digits from the numeric keypad arrive
 *   as ASCII whatever the layout). Where the layout itself types an ASCII character a code can hold (Thai:
 *   `-` on the 3 key, `_` on the ` key), a second reading keeps those as typed.
 * - A text no layout explains (other scripts) gives no layout reading; the result may be empty.
 */
export function keysPressed(text: string): KeyReading[] {
  const readings: KeyReading[] = [];
  const add = (reading: KeyReading | null) => {
    if (reading && !readings.some((r) => r.text === reading.text && r.anyCase.join() === reading.anyCase.join())) readings.push(reading);
  };
  if (ALL_ASCII.test(text)) add({ layout: null, text, anyCase: [] });
  for (const layout of LAYOUTS) {
    const typed = layout.split(text);
    if (!typed.some((char) => layout.shows(char))) continue;
    add(readThrough(layout, typed, false));
    add(readThrough(layout, typed, true));
  }
  return readings;
}

function readThrough(layout: Layout, typed: readonly string[], keepAsciiAsTyped: boolean): KeyReading | null {
  let text = '';
  const anyCase: number[] = [];
  for (const char of typed) {
    const key = layout.keys.get(char);
    const ascii = PRINTABLE_ASCII.test(char);
    if (key && !(keepAsciiAsTyped && ascii && PLAIN.test(char))) {
      if (key.anyCase) anyCase.push(text.length);
      text += key.char;
    } else if (ascii) {
      text += char;
    } else {
      return null;
    }
  }
  return { layout: layout.name, text, anyCase };
}

/** Whether a candidate (a stored card token) is what a reading says, letters of unknown case in either case. */
export function readingMatches(reading: KeyReading, candidate: string): boolean {
  if (candidate.length !== reading.text.length) return false;
  const loose = new Set(reading.anyCase);
  for (let i = 0; i < candidate.length; i++) {
    const same = loose.has(i) ? candidate[i]!.toLowerCase() === reading.text[i] : candidate[i] === reading.text[i];
    if (!same) return false;
  }
  return true;
}
