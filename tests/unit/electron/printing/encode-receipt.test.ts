import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { registerCouponFonts } from '../../../../electron/coupons/fonts';
import { encodeReceipt } from '../../../../electron/printing/encode/encode-receipt';
import { printerProfile, type MonoRaster } from '../../../../electron/printing/profile';
import { drawReceipt } from '../../../../electron/printing/receipt/draw-receipt';

/** A real coupon in Korean: Hangul that a code page would turn into `?`. */
function koreanCoupon(dots: 384 | 576): MonoRaster {
  return drawReceipt(
    {
      shopName: '서울 커피',
      title: '무료 아메리카노',
      description: '주문이 늦어서 죄송합니다. 이번 잔은 저희가 대접합니다.',
      redeemCode: 'ABCD-EFGH-JK7',
      codeLabel: '교환 코드',
      qrPayload: 'Vq3JX0aZ8mK2pL5nR7sT9uW1yB4cD6',
      barcodePayload: 'ABCD-EFGH-JK7',
      validityText: '2026년 12월 31일 23:59까지 사용 가능',
      footer: '쿠폰 #7',
      direction: 'ltr',
      mark: null,
    },
    null,
    printerProfile(dots === 384 ? 58 : 80, dots, 'esc-pos'),
  );
}

/**
 * Reads an ESC/POS stream command by command, knowing only the commands a receipt may hold (from Epson's command
 * reference): anything else — text, a code page (ESC t), a stray byte — fails the test.
 */
function readEscPos(bytes: Uint8Array) {
  const commands: string[] = [];
  const bands: Array<{ width: number; rows: number; data: Uint8Array }> = [];
  let i = 0;
  const at = (k: number) => bytes[i + k]!;
  while (i < bytes.length) {
    if (at(0) === 0x1b && at(1) === 0x40) (commands.push('ESC @'), (i += 2));
    else if (at(0) === 0x1c && at(1) === 0x2e) (commands.push('FS .'), (i += 2));
    else if (at(0) === 0x1b && at(1) === 0x4d) (commands.push(`ESC M ${at(2)}`), (i += 3));
    else if (at(0) === 0x1d && at(1) === 0x76 && at(2) === 0x30) {
      const widthBytes = at(4) + 256 * at(5);
      const rows = at(6) + 256 * at(7);
      commands.push(`GS v 0 ${at(3)}`);
      bands.push({ width: widthBytes * 8, rows, data: bytes.slice(i + 8, i + 8 + widthBytes * rows) });
      i += 8 + widthBytes * rows;
    } else if (at(0) === 0x0a) (commands.push('LF'), (i += 1));
    else if (at(0) === 0x1d && at(1) === 0x56) (commands.push(`GS V ${at(2)}`), (i += 3));
    else throw new Error(`unexpected byte ${at(0).toString(16)} at ${i}: ${Buffer.from(bytes.slice(i, i + 8)).toString('hex')}`);
  }
  return { commands, bands };
}

describe('the bytes a receipt printer gets', () => {
  beforeAll(() => registerCouponFonts(path.resolve('resources')));

  it.each([384, 576] as const)('ESC/POS at %i dots: ESC @, the raster in GS v 0 bands of at most 255 rows (multiples of 8), feed, cut; no text, no code page', (dots) => {
    const raster = koreanCoupon(dots);
    const bytes = encodeReceipt(raster, printerProfile(dots === 384 ? 58 : 80, dots, 'esc-pos'), { cut: true });
    const { commands, bands } = readEscPos(bytes);
    expect(commands.slice(0, 1)).toEqual(['ESC @']);
    expect(commands).not.toContain('ESC t');
    expect(bands.length).toBe(Math.ceil(raster.height / 248));
    for (const band of bands) {
      expect(band.width).toBe(dots);
      expect(band.rows).toBeLessThanOrEqual(255);
      expect(band.rows % 8).toBe(0);
    }
    expect(bands.reduce((sum, b) => sum + b.rows, 0)).toBe(raster.height);
    // the bands together are the raster, dot for dot
    const joined = new Uint8Array(bands.reduce((sum, b) => sum + b.data.length, 0));
    let offset = 0;
    for (const band of bands) (joined.set(band.data, offset), (offset += band.data.length));
    expect(Buffer.from(joined).equals(Buffer.from(raster.bits))).toBe(true);
    // paper fed past the cutter, then a full cut, and nothing printable after it
    const cut = commands.indexOf('GS V 0');
    expect(cut).toBeGreaterThan(0);
    expect(commands.slice(cut - 4, cut)).toEqual(['LF', 'LF', 'LF', 'LF']);
    expect(commands.slice(cut + 1).every((c) => c === 'LF')).toBe(true);
  });

  it.each(['star-prnt', 'star-line'] as const)('%s: ESC @ CAN, the raster in ESC X 24-row strips of the full width, a Star cut', (language) => {
    const raster = koreanCoupon(576);
    const bytes = Buffer.from(encodeReceipt(raster, printerProfile(80, 576, language), { cut: true }));
    expect([...bytes.subarray(0, 3)]).toEqual([0x1b, 0x40, 0x18]);
    // ESC X nL nH (dots across) + 3 bytes per dot column + LF CR, one strip per 24 rows
    let strips = 0;
    let i = bytes.indexOf(Buffer.from([0x1b, 0x58]));
    const first = i;
    while (i >= 0 && bytes[i] === 0x1b && bytes[i + 1] === 0x58) {
      expect(bytes[i + 2]! + 256 * bytes[i + 3]!).toBe(576);
      i += 4 + 576 * 3;
      expect([bytes[i], bytes[i + 1]]).toEqual([0x0a, 0x0d]);
      i += 2;
      strips++;
    }
    expect(first).toBeGreaterThan(0);
    expect(strips).toBe(Math.ceil(raster.height / 24));
    // the first strip's first column is the raster's first column, top 8 rows
    let column = 0;
    for (let y = 0; y < 8; y++) column |= ((raster.bits[y * 72]! >> 7) & 1) << (7 - y);
    expect(bytes[first + 4]).toBe(column);
    // a Star cut (ESC d 0) after the feed
    expect(bytes.indexOf(Buffer.from([0x1b, 0x64, 0x00]), i)).toBeGreaterThan(0);
    expect(bytes.indexOf(Buffer.from([0x1b, 0x74]))).toBe(-1);
  });

  it('refuses a raster made for another printer width', () => {
    const raster = koreanCoupon(576);
    expect(() => encodeReceipt(raster, printerProfile(58, 384, 'esc-pos'), { cut: true })).toThrow();
  });
});
