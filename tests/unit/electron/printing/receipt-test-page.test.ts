import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CouponData } from '../../../../electron/coupons/coupon-layout';
import { registerCouponFonts } from '../../../../electron/coupons/fonts';
import { printerProfile, type MonoRaster } from '../../../../electron/printing/profile';
import { drawReceipt } from '../../../../electron/printing/receipt/draw-receipt';
import { rasterToPng } from '../../../../electron/printing/receipt/raster-png';
import { receiptSurface } from '../../../../electron/printing/receipt/surface';
import { drawTestPage, TEST_PAGE_PAYLOAD, type TestPageInput } from '../../../../electron/printing/receipt/test-page';
import { zbarDecodeBytes } from '../../../support/zbar';

const input = (over: Partial<TestPageInput> = {}): TestPageInput => ({
  locale: 'en',
  timeZone: 'Asia/Bangkok',
  printedAt: Date.UTC(2026, 5, 11, 5),
  shopName: 'Tabriz Coffee House',
  printer: { name: 'Counter 1', kind: 'network', host: '192.168.1.50', port: 9100, systemName: null, paperWidth: 58, dots: 384, language: 'esc-pos' },
  ...over,
});

const dot = (r: MonoRaster, x: number, y: number) => (r.bits[y * (r.width >> 3) + (x >> 3)]! >> (7 - (x & 7))) & 1;

describe('a printer’s test page', () => {
  beforeAll(() => registerCouponFonts(path.resolve('resources')));

  it.each([
    [58, 384],
    [80, 576],
    [80, 512],
  ] as const)('%i mm, %i dots: its QR code and Code 128 decode; the ruler marks the first and the last dot', async (paperWidth, dots) => {
    const profile = printerProfile(paperWidth, dots, 'esc-pos');
    const raster = drawTestPage(input({ printer: { ...input().printer, paperWidth, dots } }), profile);
    expect(raster.width).toBe(dots);
    const png = await rasterToPng(raster);
    fs.mkdirSync('test-results/receipts', { recursive: true });
    fs.writeFileSync(`test-results/receipts/test-page-${dots}.png`, png);
    expect(zbarDecodeBytes(png)).toEqual([TEST_PAGE_PAYLOAD, TEST_PAGE_PAYLOAD]);
    // some row holds ink on both the first and the last dot: the ruler's end bars
    let both = 0;
    for (let y = 0; y < raster.height; y++) if (dot(raster, 0, y) && dot(raster, dots - 1, y)) both++;
    expect(both).toBeGreaterThan(10);
  });

  it('is in the shop’s language, with one line in each of the five scripts whatever that language is', () => {
    const profile = printerProfile(80, 576, 'esc-pos');
    const en = drawTestPage(input(), profile);
    const th = drawTestPage(input({ locale: 'th' }), profile);
    const azb = drawTestPage(input({ locale: 'azb' }), profile);
    // other words, so other rasters; the same five sample lines in each
    expect(Buffer.from(th.bits).equals(Buffer.from(en.bits))).toBe(false);
    expect(Buffer.from(azb.bits).equals(Buffer.from(en.bits))).toBe(false);
  });
});

describe('the same coupon at 180 dpi', () => {
  beforeAll(() => registerCouponFonts(path.resolve('resources')));
  const data: CouponData = {
    shopName: 'Tabriz Coffee House',
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
  };

  it('keeps its size on paper: a TM-T88 (512 dots, 180 dpi) prints it as long as a TM-T20 (576 dots, 203 dpi)', () => {
    const at203 = drawReceipt(data, null, printerProfile(80, 576, 'esc-pos'));
    const at180 = drawReceipt(data, null, printerProfile(80, 512, 'esc-pos'));
    const mm203 = at203.height / (203 / 25.4);
    const mm180 = at180.height / (180 / 25.4);
    expect(Math.abs(mm180 - mm203) / mm203).toBeLessThan(0.06);
  });

  it('is drawn on one canvas per width, reused for every coupon', () => {
    expect(receiptSurface(576, 100)).toBe(receiptSurface(576, 900));
    expect(receiptSurface(384, 100)).not.toBe(receiptSurface(576, 100));
  });
});
