import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CouponData } from '../../../../electron/coupons/coupon-layout';
import { sourceWorkerSpawner } from '../../../../electron/isolation/spawn-node';
import { createWorkerHost, type WorkerHost } from '../../../../electron/isolation/worker-host';
import { printerProfile } from '../../../../electron/printing/profile';
import { createReceiptDrawer, type ReceiptDrawer } from '../../../../electron/printing/receipt-drawer';
import { TEST_PAGE_PAYLOAD } from '../../../../electron/printing/receipt/test-page';
import { pngBytes } from '../../../support/image-fixtures';
import { zbarDecodeBytes } from '../../../support/zbar';

const coupon = (n: number, over: Partial<CouponData> = {}): CouponData => ({
  shopName: 'ร้านกาแฟ',
  title: `กาแฟฟรี ${n}`,
  description: null,
  redeemCode: `ABCD-EFGH-JK${n}`,
  codeLabel: 'โค้ดแลกใช้',
  qrPayload: `Vq3JX0aZ8mK2pL5nR7sT9uW1yB4c${n}`,
  barcodePayload: `ABCD-EFGH-JK${n}`,
  validityText: 'ใช้ได้ถึง 31 ธันวาคม 2569 เวลา 23:59',
  footer: `คูปอง #${n}`,
  direction: 'ltr',
  mark: null,
  ...over,
});

describe('receipts are drawn in the isolated worker', () => {
  let worker: WorkerHost;
  let drawer: ReceiptDrawer;
  beforeAll(() => {
    worker = createWorkerHost({ spawn: sourceWorkerSpawner() });
    drawer = createReceiptDrawer(worker, path.resolve('resources'));
  });
  afterAll(() => worker.close());

  it('coupons come back in order, each a raster of the printer’s width and the ESC/POS bytes that print it', async () => {
    const profile = printerProfile(58, 384, 'esc-pos');
    const picture = { mime: 'image/png', bytes: await pngBytes() };
    const items = [1, 2, 3].map((n) => ({ data: coupon(n), image: n === 2 ? picture : null, imageId: n === 2 ? 'pic' : null }));
    const drawn = await drawer.coupons(items, profile);
    expect(drawn).toHaveLength(3);
    expect(worker.pid).not.toBe(process.pid);
    for (const receipt of drawn) {
      expect(receipt.raster.width).toBe(384);
      expect(receipt.raster.bits.length).toBe(48 * receipt.raster.height);
      expect([...receipt.bytes.slice(0, 2)]).toEqual([0x1b, 0x40]);
    }
    // the coupon with the picture is the tallest
    expect(drawn[1]!.raster.height).toBeGreaterThan(drawn[0]!.raster.height);
  });

  it('the preview is a PNG of the exact raster, and its codes decode', async () => {
    const profile = printerProfile(80, 576, 'esc-pos');
    const item = { data: coupon(4), image: null, imageId: null };
    const preview = await drawer.previewPng(item, profile);
    const [drawn] = await drawer.coupons([item], profile);
    expect([preview.width, preview.height]).toEqual([576, drawn!.raster.height]);
    expect(zbarDecodeBytes(preview.png).sort()).toEqual(['ABCD-EFGH-JK4', 'Vq3JX0aZ8mK2pL5nR7sT9uW1yB4c4'].sort());
  });

  it('a test page carries a QR code and a Code 128 that decode', async () => {
    const profile = printerProfile(80, 576, 'star-prnt');
    const page = await drawer.testPage(
      {
        locale: 'azb',
        timeZone: 'Asia/Tehran',
        printedAt: Date.UTC(2026, 5, 11, 9),
        shopName: 'تبریز قهوه‌خانه‌سی',
        printer: { name: 'Counter 1', kind: 'network', host: '192.168.1.50', port: 9100, systemName: null, paperWidth: 80, dots: 576, language: 'star-prnt' },
      },
      profile,
    );
    expect(page.raster.width).toBe(576);
    const { rasterToPng } = await import('../../../../electron/printing/receipt/raster-png');
    expect(zbarDecodeBytes(await rasterToPng(page.raster))).toEqual([TEST_PAGE_PAYLOAD, TEST_PAGE_PAYLOAD]);
  });
});
