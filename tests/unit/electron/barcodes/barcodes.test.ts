import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { code128Png, qrPng } from '../../../../electron/barcodes/png';
import { code128Svg, qrSvg } from '../../../../electron/barcodes/svg';
import { zbarDecodeBytes } from '../../../support/zbar';

const PAYLOADS = ['V0123456789ABCDEFGHJKMNPQR', 'ABCD-EFGH-JK1', 'FREECOFFEE', 'GIFT-100'];

describe('barcode engine, decoded by zbarimg', () => {
  it('QR PNGs give back the exact payload', () => {
    for (const text of PAYLOADS) expect(zbarDecodeBytes(qrPng(text))).toEqual([text]);
  });

  it('Code 128 PNGs give back the exact payload', () => {
    for (const text of PAYLOADS) expect(zbarDecodeBytes(code128Png(text))).toEqual([text]);
  });

  it('SVGs, rasterized, give back the exact payload', async () => {
    for (const text of PAYLOADS) {
      const qr = await sharp(Buffer.from(qrSvg(text)), { density: 300 }).resize(400).png().toBuffer();
      expect(zbarDecodeBytes(qr)).toEqual([text]);
      const bars = await sharp(Buffer.from(code128Svg(text)), { density: 300 }).resize({ width: 900, height: 150, fit: 'fill' }).png().toBuffer();
      expect(zbarDecodeBytes(bars)).toEqual([text]);
    }
  });

  it('draw on white with a quiet zone: the outer border of a QR PNG is all white', async () => {
    const png = qrPng('FREECOFFEE', 4);
    const { data, info } = await sharp(png).greyscale().raw().toBuffer({ resolveWithObject: true });
    const quiet = 4 * 4;
    for (let y = 0; y < info.height; y++) {
      for (let x = 0; x < info.width; x++) {
        if (x < quiet || y < quiet || x >= info.width - quiet || y >= info.height - quiet) expect(data[y * info.width + x]).toBe(255);
      }
    }
    expect(qrSvg('X')).toContain('fill="#fff"');
    expect(code128Svg('X')).toContain('fill="#fff"');
  });
});
