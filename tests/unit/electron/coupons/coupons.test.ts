import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CouponData } from '../../../../electron/coupons/coupon-layout';
import { couponsPdf } from '../../../../electron/coupons/coupon-pdf';
import { registerCouponFonts } from '../../../../electron/coupons/fonts';
import { couponPng } from '../../../../electron/coupons/paint';
import { pngBytes } from '../../../support/image-fixtures';
import { zbarDecodeBytes, zbarDecodePdf, zbarDecodePdfTiles } from '../../../support/zbar';

const coupon = (n: number, title = 'Free coffee'): CouponData => ({
  shopName: 'Café Sukhumvit',
  title,
  description: 'Sorry the order arrived cold — this one is on us.',
  redeemCode: `ABCD-EFGH-${String(n).padStart(3, '0')}`,
  codeLabel: 'Redeem code',
  qrPayload: `V${String(n).padStart(25, '0')}`,
  barcodePayload: `ABCD-EFGH-${String(n).padStart(3, '0')}`,
  validityText: 'Valid until Dec 31, 2026',
  footer: `Voucher #${n}`,
  direction: 'ltr',
  mark: null,
});

describe('coupons: one layout, PNG and PDF, every code readable', () => {
  beforeAll(() => registerCouponFonts(path.resolve('resources')));

  it('a PNG coupon carries a readable QR code and barcode, in any script', async () => {
    for (const title of ['Free coffee', 'กาแฟฟรีหนึ่งแก้ว', '무료 커피 한 잔', 'قهوه رایگان', 'મફત કૉફી']) {
      const png = await couponPng(coupon(7, title), { mime: 'image/png', bytes: await pngBytes() });
      expect(zbarDecodeBytes(png).sort()).toEqual(['ABCD-EFGH-007', 'V0000000000000000000000007'].sort());
    }
  });

  it('a single-coupon PDF page, rendered by pdftoppm, decodes to the exact payloads', async () => {
    const pdf = await couponsPdf([{ data: coupon(1), image: null }], 'single');
    expect(pdf.subarray(0, 8).toString('latin1')).toBe('%PDF-1.4');
    const pages = zbarDecodePdf(pdf, 200);
    expect(pages).toHaveLength(1);
    expect(pages[0]!.sort()).toEqual(['ABCD-EFGH-001', 'V0000000000000000000000001'].sort());
  });

  it('a batch sheet puts nine coupons on each A4 page, all readable', async () => {
    const items = Array.from({ length: 11 }, (_, i) => ({ data: coupon(i + 1), image: null }));
    const pages = await zbarDecodePdfTiles(await couponsPdf(items, 'sheet'), 300, 3, 3);
    expect(pages).toHaveLength(2);
    const found = new Set(pages.flat());
    for (let i = 1; i <= 11; i++) {
      expect(found.has(`ABCD-EFGH-${String(i).padStart(3, '0')}`), `barcode ${i}`).toBe(true);
      expect(found.has(`V${String(i).padStart(25, '0')}`), `QR ${i}`).toBe(true);
    }
  });
});
