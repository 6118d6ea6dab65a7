import { describe, expect, it } from 'vitest';
import { codePointLength, searchKey, searchWords } from '../../../shared/domain/search-key';

describe('search normalization', () => {
  it('folds case and Latin accents, and drops whitespace', () => {
    expect(searchKey('Olivia  SMITH')).toBe('oliviasmith');
    expect(searchKey('Seán Ó Briain')).toBe('seanobriain');
    expect(searchKey('ÉMILE')).toBe(searchKey('emile'));
  });

  it('keeps Thai as is, and finds a name written with or without its space', () => {
    expect(searchKey('สมชาย ศรีสุข')).toBe(searchKey('สมชายศรีสุข'));
    expect(searchKey('สมชายศรีสุข').includes(searchKey('ชาย'))).toBe(true);
  });

  it('splits Hangul into jamo so two syllables are a substring long enough for trigrams', () => {
    const full = searchKey('김민준');
    const part = searchKey('민준');
    expect(full.includes(part)).toBe(true);
    expect(codePointLength(part)).toBeGreaterThanOrEqual(3);
    expect(codePointLength(searchKey('준'))).toBe(3);
  });

  it('unifies Arabic-script spellings: Yeh/Kaf forms, short vowels, tatweel, zero-width non-joiner', () => {
    expect(searchKey('علي')).toBe(searchKey('علی'));
    expect(searchKey('كريمي')).toBe(searchKey('کریمی'));
    expect(searchKey('قلی‌زاده')).toBe(searchKey('قلیزاده'));
    expect(searchKey('محـمد')).toBe(searchKey('محمد'));
    expect(searchKey('مُحَمَّد')).toBe(searchKey('محمد'));
  });

  it('keeps Gujarati combining signs so parts of names still match', () => {
    expect(searchKey('અમિત પટેલ').includes(searchKey('પટેલ'))).toBe(true);
  });

  it('turns Thai, Persian, Arabic-Indic and Gujarati digits into ASCII digits', () => {
    expect(searchKey('๑๑๓๗๗๒')).toBe('113772');
    expect(searchKey('۱۱۳۷۷۲')).toBe('113772');
    expect(searchKey('١١٣٧٧٢')).toBe('113772');
    expect(searchKey('૧૧૩૭૭૨')).toBe('113772');
  });

  it('splits a query into keyed words', () => {
    expect(searchWords('  Kim  MIN-jun ')).toEqual(['kim', 'min-jun']);
    expect(searchWords('')).toEqual([]);
  });
});
