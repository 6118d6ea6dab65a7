import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FAMILY, SHIPPED_FACES, SHIPPED_FAMILIES } from '../../../../electron/coupons/fonts';

const CSS = fs.readFileSync(path.resolve('renderer/fonts.css'), 'utf8');

interface Face {
  family: string;
  url: string;
  weight: number;
  display: string;
  ranges: [number, number][];
}

function faces(css: string): Face[] {
  return [...css.matchAll(/@font-face\s*{([^}]*)}/g)].map(([, body]) => {
    const prop = (name: string) => new RegExp(`${name}:\\s*([^;]+);`).exec(body!)?.[1]?.trim() ?? '';
    return {
      family: prop('font-family').replace(/^'|'$/g, ''),
      url: /url\('([^']+)'\) format\('woff2'\)/.exec(prop('src'))?.[1] ?? '',
      weight: Number(prop('font-weight')),
      display: prop('font-display'),
      ranges: prop('unicode-range')
        .split(/,\s*/)
        .map((r) => r.replace(/^U\+/, '').split('-').map((h) => parseInt(h, 16)))
        .map(([a, b]) => [a!, b ?? a!] as [number, number]),
    };
  });
}

const covers = (face: Face, cp: number) => face.ranges.some(([a, b]) => a <= cp && cp <= b);
const stack = (name: string) => new RegExp(`${name}:([^;]+);`).exec(CSS)![1]!.split(',').map((f) => f.trim().replace(/^'|'$/g, ''));

describe('renderer/fonts.css: the UI uses the same shipped files as the coupons', () => {
  const declared = faces(CSS);

  it('declares one @font-face per shipped file, pointing into resources/fonts, with font-display: swap', () => {
    expect(declared.map((f) => ({ family: f.family, file: path.basename(f.url), weight: f.weight }))).toEqual(
      SHIPPED_FACES.map((f) => ({ family: f.family, file: f.file, weight: f.weight })),
    );
    for (const face of declared) {
      expect(face.url).toBe(`../resources/fonts/${path.basename(face.url)}`);
      expect(fs.existsSync(path.resolve('renderer', face.url)), face.url).toBe(true);
      expect(face.display).toBe('swap');
    }
  });

  it('limits each file to its own characters, so a script is fetched only when shown', () => {
    const of = (family: string) => declared.filter((f) => f.family === family);
    for (const face of of(FAMILY.hangul)) {
      for (const cp of [0xac00, 0xd7a3, 0x3131, 0x318e, 0x1100, 0x11ff, 0x321c, 0x300c]) expect(covers(face, cp), cp.toString(16)).toBe(true);
      for (const cp of [0x41, 0x20, 0x4e00, 0x0e01]) expect(covers(face, cp), cp.toString(16)).toBe(false);
    }
    for (const face of of(FAMILY.thai)) expect([0x0e01, 0x0e3f].every((cp) => covers(face, cp)) && !covers(face, 0xac00)).toBe(true);
    for (const face of of(FAMILY.gujarati)) expect([0x0a95, 0x0ae6].every((cp) => covers(face, cp)) && !covers(face, 0x0e01)).toBe(true);
    for (const face of of(FAMILY.arabic)) expect([0x0628, 0x067e, 0x06f0, 0x06f9].every((cp) => covers(face, cp)) && !covers(face, 0x0a95)).toBe(true);
    for (const face of of(FAMILY.sans)) expect(covers(face, 0x41) && !covers(face, 0x0e01) && !covers(face, 0xac00) && !covers(face, 0x0628)).toBe(true);
  });

  it('has a shipped font for every character the UI says, in every language, and for dates and numbers', () => {
    const dir = path.resolve('shared/i18n/catalogues');
    let text = '';
    for (const file of fs.readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
      if (file.endsWith('.json')) text += fs.readFileSync(path.join(dir, file), 'utf8');
    }
    // the catalogues are there, in all four non-Latin scripts
    for (const script of [/[\uac00-\ud7a3]/, /[\u0e01-\u0e5b]/, /[\u0a81-\u0aff]/, /[\u0600-\u06ff]/]) expect(text).toMatch(script);
    const day = new Date(Date.UTC(2026, 4, 25, 9, 30));
    for (const locale of ['en-GB', 'th', 'ko-KR', 'fa-IR', 'gu-IN']) {
      text += new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeStyle: 'short', timeZone: 'Asia/Bangkok' }).format(day);
      text += new Intl.NumberFormat(locale, { style: 'currency', currency: 'THB' }).format(1234.5);
      text += new Intl.NumberFormat(locale, { style: 'currency', currency: 'KRW' }).format(1234);
      text += new Intl.NumberFormat(locale, { style: 'percent' }).format(-0.25);
    }
    text += '0123456789 ๐๑๒๓๔๕๖๗๘๙ ۰۱۲۳۴۵۶۷۸۹ ٠١٢٣٤٥٦٧٨٩ ૦૧૨૩૪૫૬૭૮૯ ₩ ฿ ₹ ﷼ ㈜';
    const uncovered = [...new Set(text)]
      .filter((ch) => ch.codePointAt(0)! >= 0x20 && !declared.some((face) => covers(face, ch.codePointAt(0)!)))
      .map((ch) => `U+${ch.codePointAt(0)!.toString(16).toUpperCase()} ${ch}`);
    expect(uncovered).toEqual([]);
  });

  it('puts the shipped families first in --font-ui and --font-mono', () => {
    const ui = stack('--font-ui');
    expect(ui.slice(0, SHIPPED_FAMILIES.length)).toEqual(SHIPPED_FAMILIES.map((f) => f.family));
    expect(ui.at(-1)).toBe('sans-serif');
    const mono = stack('--font-mono');
    expect(mono[0]).toBe(FAMILY.mono);
    expect(mono).toContain(FAMILY.hangul);
    expect(mono.at(-1)).toBe('monospace');
  });
});
