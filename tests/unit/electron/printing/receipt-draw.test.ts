import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CouponData } from '../../../../electron/coupons/coupon-layout';
import { registerCouponFonts } from '../../../../electron/coupons/fonts';
import { loadCouponImage } from '../../../../electron/coupons/paint';
import { printerProfile, type MonoRaster, type PrinterProfile } from '../../../../electron/printing/profile';
import { planCode128, planQr } from '../../../../electron/printing/receipt/codes';
import { drawReceipt } from '../../../../electron/printing/receipt/draw-receipt';
import { rasterToPng } from '../../../../electron/printing/receipt/raster-png';
import { pngBytes } from '../../../support/image-fixtures';
import { zbarDecodeBytes } from '../../../support/zbar';

const coupon = (over: Partial<CouponData> = {}): CouponData => ({
  shopName: 'Tabriz Coffee House', // no accent: its line is one run of inked rows
  title: 'Free coffee',
  description: 'Sorry the order arrived cold — this one is on us.',
  redeemCode: 'ABCD-EFGH-JK7',
  codeLabel: 'Redeem code',
  qrPayload: 'Vq3JX0aZ8mK2pL5nR7sT9uW1yB4cD6',
  barcodePayload: 'ABCD-EFGH-JK7',
  validityText: 'Valid until 31 December 2026 at 23:59',
  footer: 'Voucher #7',
  direction: 'ltr',
  mark: null,
  ...over,
});

const P58 = printerProfile(58, 384, 'esc-pos');
const P80 = printerProfile(80, 576, 'esc-pos');
const P80_180 = printerProfile(80, 512, 'esc-pos');

const dot = (r: MonoRaster, x: number, y: number) => (r.bits[y * (r.width >> 3) + (x >> 3)]! >> (7 - (x & 7))) & 1;

/** Black dots inside a box of the raster. */
function inkIn(r: MonoRaster, x0: number, y0: number, x1: number, y1: number): number {
  let n = 0;
  for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) n += dot(r, x, y);
  return n;
}

/** The rows with ink, as runs of consecutive rows (the raster's text lines and blocks, top to bottom). */
function inkedRuns(r: MonoRaster): Array<{ from: number; to: number }> {
  const runs: Array<{ from: number; to: number }> = [];
  let start = -1;
  for (let y = 0; y <= r.height; y++) {
    const inked = y < r.height && inkIn(r, 0, y, r.width, y + 1) > 0;
    if (inked && start < 0) start = y;
    if (!inked && start >= 0) {
      runs.push({ from: start, to: y });
      start = -1;
    }
  }
  return runs;
}

/** The leftmost and rightmost inked columns between two rows. */
function inkSpan(r: MonoRaster, y0: number, y1: number): { left: number; right: number } {
  let left = r.width;
  let right = -1;
  for (let y = y0; y < y1; y++) {
    for (let x = 0; x < r.width; x++) {
      if (dot(r, x, y)) {
        left = Math.min(left, x);
        right = Math.max(right, x);
      }
    }
  }
  return { left, right };
}

const OUT = path.resolve('test-results/receipts');
async function keep(name: string, r: MonoRaster): Promise<Buffer> {
  const png = await rasterToPng(r);
  fs.mkdirSync(OUT, { recursive: true });
  fs.writeFileSync(path.join(OUT, `${name}.png`), png);
  return png;
}

describe('a coupon drawn for a receipt printer', () => {
  beforeAll(() => registerCouponFonts(path.resolve('resources')));

  it.each([
    ['58 mm', P58],
    ['80 mm', P80],
    ['80 mm at 180 dpi', P80_180],
  ] as Array<[string, PrinterProfile]>)('%s: exactly the printer’s dots wide, 1 bit, and zbarimg reads its QR code and Code 128', async (name, profile) => {
    const raster = drawReceipt(coupon(), null, profile);
    expect(raster.width).toBe(profile.dots);
    expect(raster.height % 8).toBe(0);
    expect(raster.bits.length).toBe((raster.width / 8) * raster.height);
    const png = await keep(`en-${profile.dots}`, raster);
    expect(zbarDecodeBytes(png).sort()).toEqual(['ABCD-EFGH-JK7', 'Vq3JX0aZ8mK2pL5nR7sT9uW1yB4cD6'].sort());
  });

  it('the PNG is the raster: one pixel per dot, only black and white', async () => {
    const raster = drawReceipt(coupon(), null, P58);
    const { default: sharp } = await import('sharp');
    const { data, info } = await sharp(await rasterToPng(raster)).greyscale().raw().toBuffer({ resolveWithObject: true });
    expect([info.width, info.height]).toEqual([raster.width, raster.height]);
    expect(new Set(data)).toEqual(new Set([0, 255]));
    for (let i = 0; i < 5000; i += 37) {
      const x = i % raster.width;
      const y = Math.floor(i / raster.width) * 7;
      expect(data[y * raster.width + x]).toBe(dot(raster, x, y) ? 0 : 255);
    }
  });

  /** The rows between the shop name (the first run of inked rows) and the QR code (the first run taller than 100 rows). */
  function headerBand(r: MonoRaster): { from: number; to: number } {
    const runs = inkedRuns(r);
    return { from: runs[0]!.to, to: runs.find((run) => run.to - run.from > 100)!.from };
  }

  it.each([
    ['th', 'กาแฟฟรีหนึ่งแก้ว'],
    ['ko', '무료 아메리카노'],
    ['gu', 'મફત ચા અને નાસ્તો'],
    ['azb', 'پولسوز قهوه'],
  ])('a %s title is drawn with the bundled fonts as black dots where the text goes', async (locale, title) => {
    const direction = locale === 'azb' ? 'rtl' : 'ltr';
    const plain = drawReceipt(coupon({ title: '', description: null, direction }), null, P80);
    const raster = drawReceipt(coupon({ title, description: null, direction }), null, P80);
    await keep(`title-${locale}`, raster);
    const band = headerBand(raster);
    const plainBand = headerBand(plain);
    expect(inkIn(plain, 0, plainBand.from, plain.width, plainBand.to)).toBe(0);
    const ink = inkIn(raster, 0, band.from, raster.width, band.to);
    expect(ink).toBeGreaterThan(800);
    // centred, as the downloads have it
    const span = inkSpan(raster, band.from, band.to);
    expect(Math.abs(span.left - (raster.width - 1 - span.right))).toBeLessThan(24);
  });

  it('a right-to-left (azb) coupon is laid out mirrored: its description starts at the right margin', async () => {
    const rtl = drawReceipt(coupon({ title: 'Coffee', description: 'بیر فینجان پولسوز', direction: 'rtl' }), null, P80);
    const ltr = drawReceipt(coupon({ title: 'Coffee', description: 'One free cup', direction: 'ltr' }), null, P80);
    await keep('azb-short-80', rtl);
    const line = (r: MonoRaster) => {
      const runs = inkedRuns(r);
      return inkSpan(r, runs[2]!.from, runs[2]!.to); // shop name, title, description
    };
    const r = line(rtl);
    const l = line(ltr);
    expect(r.left).toBeGreaterThan(P80.dots / 2);
    expect(P80.dots - 1 - r.right).toBeLessThan(24);
    expect(l.right).toBeLessThan(P80.dots / 2);
    expect(l.left).toBeLessThan(24);
  });

  it('a voided coupon prints its mark and no code left to scan', async () => {
    const raster = drawReceipt(coupon({ mark: { status: 'voided', word: 'VOID', date: 'Voided on 11 June 2026 at 13:00' } }), null, P80);
    const png = await keep('voided-80', raster);
    expect(zbarDecodeBytes(png)).toEqual([]);
  });

  it('a picture is dithered (a grey photo becomes a dot pattern), the codes stay readable', async () => {
    const picture = await loadCouponImage({ mime: 'image/png', bytes: await pngBytes() });
    const raster = drawReceipt(coupon(), picture, P58);
    const png = await keep('picture-58', raster);
    expect(zbarDecodeBytes(png).length).toBe(2);
  });

  it('codes in whole dots: a QR module of at least 4 dots, the widest Code 128 module that fits with its quiet zone', () => {
    for (const profile of [P58, P80, P80_180]) expect(planQr('Vq3JX0aZ8mK2pL5nR7sT9uW1yB4cD6', profile, profile.dots).module).toBeGreaterThanOrEqual(4);
    // 80 mm: 2-dot modules, the full 10-module quiet zone inside the print area
    const wide = planCode128('ABCD-EFGH-JK7', P80, 576);
    expect(wide.module).toBe(2);
    expect(wide.quietModules).toBe(10);
    // 58 mm: a 1-dot module would fit with the whole quiet zone; 2 dots are used, the quiet zone going on into the
    // paper's 5 mm unprinted margin, at least 5 modules of it inside the print area
    const narrow = planCode128('ABCD-EFGH-JK7', P58, 384);
    expect(narrow.module).toBe(2);
    expect(narrow.quietModules).toBeGreaterThanOrEqual(5);
    expect(narrow.barsLeft + narrow.barsWidth).toBeLessThanOrEqual(384);
    // a voucher without a redeem code carries its token (V + 25 characters): 1-dot modules, the whole quiet zone inside
    const token = planCode128('V7K2M9QX4T8B3N6P1R5W0Y2Z4H', P58, 384);
    expect(token.module).toBe(1);
    expect(token.quietModules).toBe(10);
  });
});
