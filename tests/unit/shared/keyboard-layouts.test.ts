import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  cardReadings,
  cardTokenPattern,
  codeReadings,
  codeSearchReadings,
  decomposeHangul,
  keysPressed,
  matchesCardTokenPattern,
  readingMatches,
  type KeyReading,
} from '../../../shared/domain/keyboard-layouts';
import { CROCKFORD, formatRedeemCode, generatedCodeFromBytes } from '../../../shared/domain/redeem-code';
import { dubeolsikSteps, typeThrough, type TypingLayout } from '../../support/keyboard-typing';

/** Every character a redeem code, POS code, voucher token, card number or card token can hold. */
const DIGITS = '0123456789';
const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const LOWER = UPPER.toLowerCase();
const ALPHABET = `${DIGITS}${UPPER}${LOWER}-_`;
const LAYOUTS: TypingLayout[] = ['thai-kedmanee', 'korean-dubeolsik', 'persian-standard'];

/** Whether some reading of `typed` is `meant` (for Korean: the letters whose case the layout hides in any case). */
function readsAs(typed: string, meant: string): boolean {
  return keysPressed(typed).some((reading) => readingMatches(reading, meant));
}

function only(typed: string, layout: KeyReading['layout']): KeyReading[] {
  return keysPressed(typed).filter((r) => r.layout === layout);
}

const random = (alphabet: string, length: number) => Array.from(crypto.randomBytes(length), (b) => alphabet[b % alphabet.length]).join('');
const samples = () => ({
  generated: formatRedeemCode(generatedCodeFromBytes(crypto.randomBytes(8))),
  pos: `${random(UPPER, 6)}-${random(DIGITS, 3)}`,
  voucherToken: `V${random(CROCKFORD, 25)}`,
  cardNumber: random(DIGITS, 9),
  cardToken: crypto.randomBytes(16).toString('base64url'),
});

describe('keysPressed: every character a code or token holds, on each layout', () => {
  for (const layout of LAYOUTS) {
    it(`${layout}: each of 0-9 A-Z a-z - _ (unshifted and shifted keys) reads back as the key pressed`, () => {
      for (const char of ALPHABET) {
        // after a letter, so the text shows the layout (a lone Thai `-` is the 3 key but looks like ASCII)
        const meant = `K${char}`;
        const typed = typeThrough(layout, meant);
        expect(readsAs(typed, meant), `${layout}: ${JSON.stringify(meant)} typed as ${JSON.stringify(typed)}`).toBe(true);
      }
    });

    it(`${layout}: the whole alphabet in one scan, and in reverse`, () => {
      for (const meant of [ALPHABET, [...ALPHABET].reverse().join('')]) expect(readsAs(typeThrough(layout, meant), meant)).toBe(true);
    });

    it(`${layout}: generated codes, POS codes, voucher tokens, card numbers and card tokens (200 random each)`, () => {
      for (let i = 0; i < 200; i++) {
        for (const [kind, meant] of Object.entries(samples())) {
          const typed = typeThrough(layout, meant);
          expect(readsAs(typed, meant), `${layout} ${kind}: ${meant} typed as ${typed}`).toBe(true);
        }
      }
    });
  }

  it('Thai: the number row types letters, Shift+number Thai digits, ` and 3 type ASCII _ and -', () => {
    expect(typeThrough('thai-kedmanee', '1234567890-_')).toBe('ๅ/-ภถุึคตจข๘');
    expect(only('ๅ/-ภถุึคตจข๘', 'thai-kedmanee')[0]!.text).toBe('1234567890-_');
    // the second reading keeps ASCII - and _ as typed (a numeric keypad's minus, say)
    expect(only('ฤ-_', 'thai-kedmanee').map((r) => r.text)).toEqual(['A3`', 'A-_']);
  });

  it('Persian: digits, letters, Shift+B as zero-width non-joiner, Shift+- as tatweel', () => {
    expect(typeThrough('persian-standard', 'Ab1-_')).toBe('ؤذ۱-ـ');
    expect(typeThrough('persian-standard', 'B')).toBe('\u200C');
    expect(only('ؤذ۱-ـ', 'persian-standard')[0]).toEqual({ layout: 'persian-standard', text: 'Ab1-_', anyCase: [] });
    // Windows' Persian (Standard) types ط for Shift+X too: either case
    expect(only('طط', 'persian-standard')[0]).toEqual({ layout: 'persian-standard', text: 'xx', anyCase: [0, 1] });
  });

  it('Korean: letters whose Shift types the same jamo read as either case; ㅃㅉㄸㄲㅆㅒㅖ are the shifted keys', () => {
    expect([...'QWERTOP'].map((key) => typeThrough('korean-dubeolsik', key)).join('')).toBe('ㅃㅉㄸㄲㅆㅒㅖ');
    expect(typeThrough('korean-dubeolsik', 'TO')).toBe('썌'); // typed in a row, the IME composes them
    expect(only('ㅃㅉㄸㄲㅆㅒㅖ', 'korean-dubeolsik')[0]).toEqual({ layout: 'korean-dubeolsik', text: 'QWERTOP', anyCase: [] });
    expect(only('ㅂㅈㄷㄱㅅㅐㅔ', 'korean-dubeolsik')[0]).toEqual({ layout: 'korean-dubeolsik', text: 'qwertop', anyCase: [] });
    const reading = only('마', 'korean-dubeolsik')[0]!;
    expect(reading).toEqual({ layout: 'korean-dubeolsik', text: 'ak', anyCase: [0, 1] });
    for (const meant of ['ak', 'AK', 'Ak', 'aK']) expect(readingMatches(reading, meant)).toBe(true);
    expect(readingMatches(only('가', 'korean-dubeolsik')[0]!, 'Rk')).toBe(false); // Shift+R would be ㄲ
  });
});

describe('Hangul syllables: composition by the IME and decomposition back into keys', () => {
  const composed = (keys: string) => typeThrough('korean-dubeolsik', keys);
  const keysOf = (text: string) => only(text, 'korean-dubeolsik')[0]!.text;

  it.each([
    ['rk', '가'],
    ['rkr', '각'],
    ['rkrk', '가가'],
    ['rkrt', '갃'], // a double final: ㄱ+ㅅ
    ['rkrtk', '각사'], // the cluster splits when a vowel follows
    ['ekfr', '닭'],
    ['dkfg', '앓'],
    ['qkqt', '밦'],
    ['rhk', '과'], // a compound vowel: ㅗ+ㅏ
    ['dnjs', '원'],
    ['dml', '의'],
    ['rhkd', '광'],
    ['hk', 'ㅘ'], // a vowel standing alone
    ['RkT', '깠'], // doubled consonants are the shifted keys
    ['rkE', '가ㄸ'], // ㄸ cannot end a syllable
    ['rr', 'ㄱㄱ'],
    ['kk', 'ㅏㅏ'],
    ['rk1rk', '가1가'], // a digit commits the syllable
    ['gks-rmf_', '한-글_'],
  ])('keys %s compose to %s and read back', (keys, text) => {
    expect(composed(keys)).toBe(text);
    expect(keysOf(text)).toBe(keys);
    expect(readsAs(text, keys)).toBe(true);
  });

  it('compound vowels and final clusters decompose into their two keys', () => {
    expect(decomposeHangul('ㅘㅙㅚㅝㅞㅟㅢ')).toBe('ㅗㅏㅗㅐㅗㅣㅜㅓㅜㅔㅜㅣㅡㅣ');
    expect(decomposeHangul('ㄳㄵㄶㄺㄻㄼㄽㄾㄿㅀㅄ')).toBe('ㄱㅅㄴㅈㄴㅎㄹㄱㄹㅁㄹㅂㄹㅅㄹㅌㄹㅍㄹㅎㅂㅅ');
    expect(keysOf('ㅄ')).toBe('qt'); // an IME that joins ㅂ and ㅅ before a vowel
    expect(keysOf('닭'.normalize('NFD'))).toBe('ekfr'); // conjoining jamo
  });

  it('each key of a scan gives one IME step; the last syllable is still composing at the end', () => {
    const steps = dubeolsikSteps('rkrk');
    expect(steps.map((s) => [s.commit, s.composition])).toEqual([
      ['', 'ㄱ'],
      ['', '가'],
      ['', '각'],
      ['가', '가'],
    ]);
  });
});

describe('keysPressed: mixed and plain input', () => {
  it('plain ASCII comes back unchanged, as its only reading', () => {
    for (const text of ['ABCD-EFGH-JKM', 'freecoffee', 'V0123456789ABCDEFGHJKMNPQR', 'aZ09_-aZ09_-aZ09', '113772', 'GIFT 100']) {
      expect(keysPressed(text)).toEqual([{ layout: null, text, anyCase: [] }]);
    }
  });

  it('digits from a numeric keypad arrive as ASCII among Thai or Persian letters', () => {
    const thai = typeThrough('thai-kedmanee', 'ABCD-EFGH-') + '123'; // letters by the layout, digits from the keypad
    expect(only(thai, 'thai-kedmanee').map((r) => r.text)).toContain('ABCD-EFGH-123');
    const persian = `${typeThrough('persian-standard', 'GIFT-')}100`;
    expect(only(persian, 'persian-standard')[0]!.text).toBe('GIFT-100');
    const korean = `${typeThrough('korean-dubeolsik', 'rk')}12`;
    expect(only(korean, 'korean-dubeolsik')[0]!.text).toBe('rk12');
  });

  it('ASCII that only Thai types (/ on the 2 key) is read through Thai too: a card number of 2s and 3s', () => {
    expect(keysPressed('/-/-/-').map((r) => r.text)).toContain('232323');
    expect(cardReadings('/-/-/-').numbers).toEqual([232323]);
  });

  it('text no layout explains has no reading', () => {
    expect(keysPressed('Привет')).toEqual([]);
    expect(keysPressed('ก가')).toEqual([]); // Thai and Hangul in one scan: no single layout typed it
  });
});

describe('lookups built on the readings', () => {
  it('codeReadings: the text first, then upper-case readings', () => {
    const code = 'ABCD-EFGH-JKM';
    expect(codeReadings(code)).toEqual([code]);
    const korean = typeThrough('korean-dubeolsik', code);
    expect(codeReadings(korean)).toEqual([korean, code]);
  });

  it('codeSearchReadings: whole codes only, never a title word read as the start of codes', () => {
    const code = generatedCodeFromBytes(crypto.randomBytes(8));
    expect(codeSearchReadings(typeThrough('thai-kedmanee', formatRedeemCode(code)))).toEqual([code]);
    expect(codeSearchReadings(typeThrough('korean-dubeolsik', 'FREECOFFEE'))).toEqual(['FREECOFFEE']);
    expect(codeSearchReadings('ก')).toEqual([]);
    // a Korean title word of 4 keys or more does read as a POS code: the list then also shows POS codes
    // starting with ZJVL, if any
    expect(codeSearchReadings('커피')).toEqual(['ZJVL']);
  });

  it('cardReadings: whole card numbers and token patterns from the readings', () => {
    expect(cardReadings(typeThrough('thai-kedmanee', '113772')).numbers).toEqual([113772]);
    expect(cardReadings('۱۱۳۷۷۲').numbers).toEqual([113772]);
    expect(cardReadings(typeThrough('thai-kedmanee', '11')).numbers).toEqual([]);
    const token = 'aZ09_-aZ09_-aZ09Qq';
    const [pattern] = cardReadings(typeThrough('korean-dubeolsik', token)).tokens;
    expect(pattern).toEqual({ lower: token.toLowerCase(), glob: '[aA][zZ]09_-[aA][zZ]09_-[aA][zZ]09Qq' });
    expect(matchesCardTokenPattern(pattern!, token)).toBe(true);
    expect(matchesCardTokenPattern(pattern!, token.replace('Qq', 'qq'))).toBe(false);
    expect(matchesCardTokenPattern(pattern!, token.toLowerCase().replace('qq', 'Qq'))).toBe(true);
    expect(cardTokenPattern({ layout: 'thai-kedmanee', text: 'AbC', anyCase: [] })).toEqual({ lower: 'abc', glob: 'AbC' });
  });
});
