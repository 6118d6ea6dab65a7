import type { CouponData } from '../coupons/coupon-layout';
import { asBuffer, type DrawnReceiptData, type ReceiptItem, type StoredImage } from '../isolation/protocol';
import type { WorkerHost } from '../isolation/worker-host';
import type { MonoRaster, PrinterProfile } from './profile';
import type { TestPageInput } from './receipt/test-page';

export type { TestPageInput } from './receipt/test-page';

/** A receipt ready to send: the raster (what the preview shows) and the printer's bytes for it. */
export interface DrawnReceipt {
  raster: MonoRaster;
  bytes: Uint8Array;
}

export interface ReceiptCoupon {
  data: CouponData;
  image: StoredImage | null;
  imageId: string | null;
}

/**
 * Draws receipts in the isolated worker (stored pictures are decoded there, never in the host). The print queue
 * asks for one coupon, or a few, at a time, so it can draw the next while the printer prints the last.
 */
export interface ReceiptDrawer {
  coupons(items: ReceiptCoupon[], profile: PrinterProfile): Promise<DrawnReceipt[]>;
  testPage(input: TestPageInput, profile: PrinterProfile): Promise<DrawnReceipt>;
  /** The exact raster a coupon prints as, as a PNG (one pixel per dot). */
  previewPng(item: ReceiptCoupon, profile: PrinterProfile): Promise<{ png: Buffer; width: number; height: number }>;
}

export function createReceiptDrawer(worker: Pick<WorkerHost, 'run'>, resourcesDir: string): ReceiptDrawer {
  const draw = (items: ReceiptItem[], images: Record<string, StoredImage>, profile: PrinterProfile, png = false) =>
    worker.run('receipt.draw', { resourcesDir, profile, items, images, ...(png ? { png } : {}) }).then((out) => out.receipts);
  const asReceipt = (r: DrawnReceiptData): DrawnReceipt => ({ raster: { width: r.width, height: r.height, bits: r.bits }, bytes: r.bytes });
  /** Each distinct picture travels once. */
  const picturesOf = (items: ReceiptCoupon[]) => {
    const images: Record<string, StoredImage> = {};
    for (const item of items) if (item.image && item.imageId) images[item.imageId] = item.image;
    return images;
  };
  const couponItem = (item: ReceiptCoupon): ReceiptItem => ({ coupon: { data: item.data, imageId: item.image ? item.imageId : null } });

  return {
    async coupons(items, profile) {
      if (items.length === 0) return [];
      return (await draw(items.map(couponItem), picturesOf(items), profile)).map(asReceipt);
    },
    async testPage(input, profile) {
      const [receipt] = await draw([{ testPage: input }], {}, profile);
      return asReceipt(receipt!);
    },
    async previewPng(item, profile) {
      const [receipt] = await draw([couponItem(item)], picturesOf([item]), profile, true);
      return { png: asBuffer(receipt!.png!), width: receipt!.width, height: receipt!.height };
    },
  };
}
