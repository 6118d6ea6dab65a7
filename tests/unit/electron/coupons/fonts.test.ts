import fs from 'node:fs';
import path from 'node:path';
import { createCanvas, GlobalFonts } from '@napi-rs/canvas';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { FAMILY, MONO, SANS, SHIPPED_FACES, SHIPPED_FAMILIES, registerCouponFonts } from '../../../../electron/coupons/fonts';
import { makeTempDir } from '../../../support/temp-dir';

const RESOURCES = path.resolve('resources');
/** Debian's fonts-noto-cjk, which canvas finds by name; CI installs it. */
const SYSTEM_KR = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc';
/** Only the shipped families: canvas draws a character from no other font (no fallback to installed fonts). */
const SHIPPED_ONLY = SHIPPED_FAMILIES.map((f) => `"${f.family}"`).join(', ');
const SIZE = 48;

/** The text's pixels (grey, one byte each) and how many of them are inked. */
function draw(text: string, family: string, weight: 'normal' | 'bold' = 'normal'): { pixels: Buffer; ink: number } {
  const canvas = createCanvas(SIZE * 20, SIZE * 2);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.fillStyle = '#000000';
  ctx.font = `${weight} ${SIZE}px ${family}`;
  ctx.fillText(text, SIZE / 2, SIZE * 1.4);
  const rgba = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
  const pixels = Buffer.alloc(rgba.length / 4);
  for (let i = 0; i < pixels.length; i++) pixels[i] = rgba[i * 4]!;
  return { pixels, ink: pixels.filter((v) => v < 128).length };
}

function width(text: string, family: string, size = SIZE): number {
  const ctx = createCanvas(10, 10).getContext('2d');
  ctx.font = `${size}px ${family}`;
  return ctx.measureText(text).width;
}

/** What a character no shipped font has looks like (the missing-glyph box). */
const missing = (count: number) => draw('\uE000'.repeat(count), SHIPPED_ONLY);

describe('coupon fonts: drawn from the shipped files alone', () => {
  beforeAll(() => registerCouponFonts(RESOURCES));

  it('every shipped face is a WOFF2 file, registered under its Stampdesk family in regular and bold', () => {
    expect(SHIPPED_FACES).toHaveLength(12);
    for (const face of SHIPPED_FACES) {
      const bytes = fs.readFileSync(path.join(RESOURCES, 'fonts', face.file));
      expect(bytes.subarray(0, 4).toString('latin1'), face.file).toBe('wOF2');
    }
    for (const { family } of SHIPPED_FAMILIES) {
      const styles = GlobalFonts.families.find((f) => f.family === family)?.styles ?? [];
      expect(styles.map((s) => s.weight).sort(), family).toEqual([400, 700]);
    }
    // the coupon's stack names every shipped family before any installed font
    const stack = SANS.split(', ');
    expect(stack.slice(0, SHIPPED_FAMILIES.length)).toEqual(SHIPPED_FAMILIES.map((f) => `"${f.family}"`));
    expect(stack.indexOf(`"${FAMILY.hangul}"`)).toBeLessThan(stack.indexOf('"Noto Sans CJK KR"'));
  });

  it('a missing font file stops the coupon with a clear error instead of printing boxes', async () => {
    vi.resetModules();
    const fresh = await import('../../../../electron/coupons/fonts');
    const empty = makeTempDir();
    try {
      expect(() => fresh.registerCouponFonts(empty.dir)).toThrow(/NotoSans-Regular\.woff2 is missing or damaged/);
    } finally {
      empty.cleanup();
    }
  });

  it('Korean: real Hangul from the subset, not boxes, with no installed CJK font in the stack', () => {
    for (const weight of ['normal', 'bold'] as const) {
      const han = draw('한', SHIPPED_ONLY, weight);
      const guk = draw('국', SHIPPED_ONLY, weight);
      const box = missing(1);
      expect(han.ink, weight).toBeGreaterThan(100);
      expect(han.pixels.equals(guk.pixels), `한 and 국 differ (${weight})`).toBe(false);
      expect(han.pixels.equals(box.pixels), `한 is not the missing-glyph box (${weight})`).toBe(false);
      expect(guk.pixels.equals(box.pixels), `국 is not the missing-glyph box (${weight})`).toBe(false);
    }
    // a word and the coupon's own stack (SANS) draw the same pixels as the subset alone
    for (const text of ['무료 커피 한 잔', '쿠폰 ㈜스타 「할인」', 'ㅎㅏㄴ']) {
      expect(draw(text, SANS).pixels.equals(draw(text, SHIPPED_ONLY).pixels), text).toBe(true);
      expect(draw(text, SANS).pixels.equals(draw(text, `"${FAMILY.sans}", "${FAMILY.hangul}"`).pixels), text).toBe(true);
    }
  });

  it('the subset holds all 11,172 modern syllables: each is as wide as 가, none is the narrower box', () => {
    const ctx = createCanvas(10, 10).getContext('2d');
    ctx.font = `${SIZE}px ${SHIPPED_ONLY}`;
    const hangulWidth = ctx.measureText('가').width;
    // a character no shipped font has falls to Noto Sans's box, 0.6 em wide; a Noto CJK syllable is 0.92 em
    expect(hangulWidth).toBeCloseTo(0.92 * SIZE, 1);
    expect(ctx.measureText('\uE000').width).toBeLessThan(0.7 * SIZE);
    const odd: string[] = [];
    for (let cp = 0xac00; cp <= 0xd7a3; cp++) {
      if (ctx.measureText(String.fromCodePoint(cp)).width !== hangulWidth) odd.push(cp.toString(16));
    }
    expect(odd).toEqual([]);
  });

  it('decomposed Hangul (jamo, as macOS writes names) is shaped into the same syllables', () => {
    const composed = '한국';
    const decomposed = composed.normalize('NFD');
    expect(decomposed).toHaveLength(6);
    expect(draw(decomposed, SHIPPED_ONLY).pixels.equals(draw(composed, SHIPPED_ONLY).pixels)).toBe(true);
  });

  it.each([
    ['Thai', 'ก', 'ข', 'กาแฟฟรีหนึ่งแก้ว', FAMILY.thai],
    ['Gujarati', 'ક', 'ખ', 'મફત કૉફી', FAMILY.gujarati],
    ['Arabic script (South Azerbaijani)', 'ب', 'پ', 'قهوه رایگان ۱۴۰۵', FAMILY.arabic],
  ])('%s: real glyphs from the shipped font, not boxes', (_script, a, b, phrase, family) => {
    const first = draw(a, SHIPPED_ONLY);
    const second = draw(b, SHIPPED_ONLY);
    expect(first.ink).toBeGreaterThan(30);
    expect(first.pixels.equals(second.pixels)).toBe(false);
    expect(first.pixels.equals(missing(1).pixels)).toBe(false);
    expect(second.pixels.equals(missing(1).pixels)).toBe(false);
    expect(draw(phrase, SANS).pixels.equals(draw(phrase, `"${FAMILY.sans}", "${family}"`).pixels)).toBe(true);
  });

  it('complex scripts are shaped: Arabic letters join, a Gujarati conjunct is one glyph', () => {
    // joined ببب is narrower than three isolated ب
    expect(width('ببب', SHIPPED_ONLY)).toBeLessThan(3 * width('ب', SHIPPED_ONLY) - 5);
    // ક્ષ (ka, virama, ssa) is a conjunct: narrower than ક and ષ side by side
    expect(width('ક્ષ', SHIPPED_ONLY)).toBeLessThan(width('ક', SHIPPED_ONLY) + width('ષ', SHIPPED_ONLY) - 5);
  });

  it('codes are drawn in the shipped Noto Sans Mono', () => {
    expect(draw('ABCD-EFGH-007', MONO, 'bold').pixels.equals(draw('ABCD-EFGH-007', `"${FAMILY.mono}"`, 'bold').pixels)).toBe(true);
    expect(width('iiii', MONO)).toBeCloseTo(width('MMMM', MONO), 5);
  });

  it.skipIf(!fs.existsSync(SYSTEM_KR))('the subset draws Hangul exactly as the full Noto Sans CJK KR does', () => {
    for (const text of ['무료 커피 한 잔', '스탬프 적립 완료']) {
      for (const weight of ['normal', 'bold'] as const) {
        const subset = draw(text, `"${FAMILY.sans}", "${FAMILY.hangul}"`, weight).pixels;
        expect(subset.equals(draw(text, `"${FAMILY.sans}", "Noto Sans CJK KR"`, weight).pixels), `${text} (${weight})`).toBe(true);
      }
    }
  });
});
