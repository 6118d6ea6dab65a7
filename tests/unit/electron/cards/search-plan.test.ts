import { describe, expect, it } from 'vitest';
import { ftsString, planSearch } from '../../../../electron/cards/search-plan';

describe('search plan', () => {
  it('treats FTS operators and quotes as plain text', () => {
    expect(ftsString('a"b')).toBe('"a""b"');
    // short words never reach FTS syntax at all
    expect(planSearch('a OR b')).toMatchObject({ fts: null, namePrefix: 'aorb' });
    for (const query of ['NEAR(abc def)', 'smith*', '-olivia', '"quoted"', "o'brien", 'abc OR def']) {
      const plan = planSearch(query)!;
      // every user word sits inside one quoted FTS string
      const strings = plan.fts?.match(/"(?:[^"]|"")*"/g) ?? [];
      const outside = (plan.fts ?? '').replace(/"(?:[^"]|"")*"/g, '');
      expect(outside, query).toMatch(/^[\s:A-Za-z]*$/);
      expect(outside.replace(/name :|AND/g, '').trim(), query).toBe('');
      expect(strings.length, query).toBeGreaterThan(0);
    }
  });

  it('uses the trigram index for words of three or more characters, a name prefix for shorter ones', () => {
    expect(planSearch('smith')).toMatchObject({ fts: 'name : "smith"', namePrefix: null });
    expect(planSearch('li')).toMatchObject({ fts: null, namePrefix: 'li' });
    expect(planSearch('kim s')).toMatchObject({ fts: 'name : "kim"', alsoInName: ['s'] });
  });

  it('looks up number-like queries in phones and card numbers, with the digits normalized', () => {
    const plan = planSearch('๐๘๑-๒๓๔')!;
    expect(plan).toMatchObject({ phonePrefixes: ['081234'], phoneSuffixReversed: '43218' });
    // read in the shop's country too: with the calling code in front, as the international form starts
    expect(planSearch('๐๘๑-๒๓๔', 'TH')!.phonePrefixes).toEqual(['081234', '66081234']);
    expect(planSearch('+66 81 234 5678', 'TH')!.phonePrefixes).toEqual(['66812345678', '0812345678']);
    const id = planSearch('113772')!;
    expect(id.idRanges[0]).toEqual([113772, 113772]);
    expect(id.idRanges).toContainEqual([1137720, 1137729]);
    expect(planSearch('12')!.idRanges).toEqual([[12, 12]]);
  });

  it('matches e-mails by their start, case-insensitive, and tokens exactly', () => {
    expect(planSearch('Somchai.S@Example')!.emailPrefix).toBe('somchai.s@example');
    expect(planSearch('somchai')).toMatchObject({ emailPrefix: null, emailFallback: 'somchai' });
    expect(planSearch('abcdefghijklmnopqrstuv')!.token).toBe('abcdefghijklmnopqrstuv');
    expect(planSearch('   ')).toBeNull();
  });
});
