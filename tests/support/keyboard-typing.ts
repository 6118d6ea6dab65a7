import { DUBEOLSIK } from '../../shared/domain/keyboard-layouts/dubeolsik';
import { PERSIAN_STANDARD } from '../../shared/domain/keyboard-layouts/persian-standard';
import { THAI_KEDMANEE } from '../../shared/domain/keyboard-layouts/thai-kedmanee';
import { KEY_NAMES, US_QWERTY, type KeyName, type KeyTable } from '../../shared/domain/keyboard-layouts/us-qwerty';

/**
 * What a keyboard-wedge scanner types through an OS keyboard layout: the forward direction of
 * shared/domain/keyboard-layouts, for tests. Thai and Persian type one character per key; Korean goes
 * through a Dubeolsik IME that composes jamo into syllables the way Microsoft's IME does.
 */
export type TypingLayout = 'thai-kedmanee' | 'persian-standard' | 'korean-dubeolsik';

export interface KeyPress {
  key: KeyName;
  shift: boolean;
  /** The US character the scanner means. */
  us: string;
}

/** The keys a scanner presses for a US-QWERTY text (an upper-case letter is Shift + the letter's key). */
export function keyPresses(text: string): KeyPress[] {
  return [...text].map((us) => {
    for (const key of KEY_NAMES) {
      const [plain, shifted] = US_QWERTY[key];
      if (plain === us) return { key, shift: false, us };
      if (shifted === us) return { key, shift: true, us };
    }
    throw new Error(`No US key types ${JSON.stringify(us)}`);
  });
}

const TABLES: Record<'thai-kedmanee' | 'persian-standard', KeyTable> = { 'thai-kedmanee': THAI_KEDMANEE, 'persian-standard': PERSIAN_STANDARD };

/** What one key types on a one-character-per-key layout. */
export function typedBy(layout: 'thai-kedmanee' | 'persian-standard', press: KeyPress): string {
  return TABLES[layout][press.key][press.shift ? 1 : 0];
}

/** One step of IME typing: what the key commits to the field and what stays in composition after it. */
export interface ImeStep {
  press: KeyPress;
  /** Text the IME commits (a finished syllable), if any. */
  commit: string;
  /** Text typed directly after the commit (a key the IME does not compose: digits, `-`, `_`). */
  direct: string;
  /** The syllable being composed after this key ('' when none). */
  composition: string;
}

const VOWEL_FIRST = 0x314f; // ㅏ
const INITIALS = 'ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ';
const VOWELS = 'ㅏㅐㅑㅒㅓㅔㅕㅖㅗㅘㅙㅚㅛㅜㅝㅞㅟㅠㅡㅢㅣ';
const FINALS = ['', ...'ㄱㄲㄳㄴㄵㄶㄷㄹㄺㄻㄼㄽㄾㄿㅀㅁㅂㅄㅅㅆㅇㅈㅊㅋㅌㅍㅎ'];
const VOWEL_PAIRS: Record<string, string> = { ㅗㅏ: 'ㅘ', ㅗㅐ: 'ㅙ', ㅗㅣ: 'ㅚ', ㅜㅓ: 'ㅝ', ㅜㅔ: 'ㅞ', ㅜㅣ: 'ㅟ', ㅡㅣ: 'ㅢ' };
const FINAL_PAIRS: Record<string, string> = {
  ㄱㅅ: 'ㄳ', ㄴㅈ: 'ㄵ', ㄴㅎ: 'ㄶ', ㄹㄱ: 'ㄺ', ㄹㅁ: 'ㄻ', ㄹㅂ: 'ㄼ', ㄹㅅ: 'ㄽ', ㄹㅌ: 'ㄾ', ㄹㅍ: 'ㄿ', ㄹㅎ: 'ㅀ', ㅂㅅ: 'ㅄ',
};
const SPLIT_FINAL = Object.fromEntries(Object.entries(FINAL_PAIRS).map(([pair, cluster]) => [cluster, [...pair] as [string, string]]));

interface Syllable {
  initial: string;
  vowel: string;
  final: string;
}

function render({ initial, vowel, final }: Syllable): string {
  if (initial && vowel) return String.fromCodePoint(0xac00 + (INITIALS.indexOf(initial) * 21 + VOWELS.indexOf(vowel)) * 28 + FINALS.indexOf(final));
  return initial || vowel;
}

/**
 * Dubeolsik IME steps for a US-QWERTY text: a consonant after a vowel becomes the syllable's final, and
 * moves on to start the next syllable when a vowel follows; two vowels or two finals combine where Hangul
 * has the compound (ㅗ+ㅏ → ㅘ, ㄱ+ㅅ → ㄳ); a key that types no jamo commits the syllable and types itself.
 */
export function dubeolsikSteps(text: string): ImeStep[] {
  let s: Syllable = { initial: '', vowel: '', final: '' };
  const steps: ImeStep[] = [];
  for (const press of keyPresses(text)) {
    const jamo = DUBEOLSIK[press.key]?.[press.shift ? 1 : 0];
    let commit = '';
    let direct = '';
    const start = (next: Syllable) => {
      commit += render(s);
      s = next;
    };
    if (jamo === undefined) {
      start({ initial: '', vowel: '', final: '' });
      direct = press.us;
    } else if (jamo.codePointAt(0)! < VOWEL_FIRST) {
      if (s.initial && s.vowel && !s.final && FINALS.includes(jamo)) s = { ...s, final: jamo };
      else if (s.final && FINAL_PAIRS[s.final + jamo]) s = { ...s, final: FINAL_PAIRS[s.final + jamo]! };
      else start({ initial: jamo, vowel: '', final: '' });
    } else if (s.final) {
      const [stays, moves] = SPLIT_FINAL[s.final] ?? ['', s.final];
      s = { ...s, final: stays };
      start({ initial: moves, vowel: jamo, final: '' });
    } else if (s.vowel && VOWEL_PAIRS[s.vowel + jamo]) {
      s = { ...s, vowel: VOWEL_PAIRS[s.vowel + jamo]! };
    } else if (s.initial && !s.vowel) {
      s = { ...s, vowel: jamo };
    } else {
      start({ initial: '', vowel: jamo, final: '' });
    }
    steps.push({ press, commit, direct, composition: render(s) });
  }
  return steps;
}

/** The text that ends up in the field when a scanner types `text` through `layout` (before its Enter). */
export function typeThrough(layout: TypingLayout, text: string): string {
  if (layout !== 'korean-dubeolsik') return keyPresses(text).map((press) => typedBy(layout, press)).join('');
  const steps = dubeolsikSteps(text);
  return steps.map((step) => step.commit + step.direct).join('') + (steps.at(-1)?.composition ?? '');
}
