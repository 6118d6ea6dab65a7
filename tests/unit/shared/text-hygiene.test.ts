import { describe, expect, it } from 'vitest';
import { hasLoneSurrogate, hasNul, looksLikeFormula, withoutBidiControls } from '../../../shared/domain/text-hygiene';

describe('text hygiene', () => {
  it('finds a lone surrogate (high or low, anywhere) but not a proper pair', () => {
    for (const bad of ['\ud800', 'abc\ud83d', '\udc00abc', 'a\udfffb', '\ud83d\ud83d\ude00x\ud800']) expect(hasLoneSurrogate(bad), JSON.stringify(bad)).toBe(true);
    for (const good of ['', 'Olivia', '😀', 'สมชาย ศรีสุข', '김민준', 'علی رضایی', 'અમિત', '👨\u200d👩\u200d👧 family', '𠀀']) expect(hasLoneSurrogate(good), good).toBe(false);
  });

  it('finds NUL', () => {
    expect(hasNul('a\u0000b')).toBe(true);
    expect(hasNul('a\u0001b')).toBe(false);
  });

  it('strips the bidi embedding, override and isolate controls and keeps ZWJ, ZWNJ and the direction marks', () => {
    expect(withoutBidiControls('\u202eevil.exe\u202c')).toBe('evil.exe');
    expect(withoutBidiControls('\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069x')).toBe('x');
    // ZWNJ in Persian-script words, ZWJ in Gujarati conjuncts and emoji sequences, LRM/RLM/ALM marks
    for (const kept of ['می\u200cخواهم', 'ક્\u200dષ', '👨\u200d👩\u200d👧', 'a\u200eb\u200fc\u061cd']) expect(withoutBidiControls(kept)).toBe(kept);
  });

  it('a cell is formula-like when it starts with = + - @ (ASCII, fullwidth or small), a tab or a CR', () => {
    for (const formula of ['=1+1', '+66 81', '-2', '@SUM(A1)', '\tx', '\rx', '＝1+1', '＋1', '－1', '＠SUM(A1)', '﹦1', '﹢1', '﹣1', '﹫x']) {
      expect(looksLikeFormula(formula), JSON.stringify(formula)).toBe(true);
    }
  });

  it('…also behind invisible characters: zero-width space, ZWJ, ZWNJ, BOM, bidi marks and controls, soft hyphen, spaces', () => {
    for (const lead of ['\u200b', '\u200c', '\u200d', '\ufeff', '\u200e', '\u200f', '\u061c', '\u202e', '\u2066', '\u00ad', '\u2060', '\u00a0', ' ', '\u3000', '\u200b\u200d\u00ad']) {
      expect(looksLikeFormula(`${lead}=HYPERLINK("http://x")`), JSON.stringify(lead)).toBe(true);
      expect(looksLikeFormula(`${lead}＋1`), JSON.stringify(lead)).toBe(true);
    }
  });

  it('ordinary text is not formula-like', () => {
    for (const text of ['', 'Olivia Smith', 'a=b', '1-2', 'x@example.com', '\u200bOlivia', '\u200b', 'สมชาย', '−5 (minus sign)', "'=already"]) {
      expect(looksLikeFormula(text), JSON.stringify(text)).toBe(false);
    }
  });
});
