import type { CouponData } from '../../coupons/coupon-layout';
import type { StoredImage } from '../../isolation/protocol';
import type { MonoRaster, PrinterProfile } from '../profile';
import type { TestPageInput } from '../receipt/test-page';

/** One coupon to draw: what it says and its stored picture. */
export interface CouponItem {
  data: CouponData;
  image: StoredImage | null;
  imageId: string | null;
}

export interface DrawnReceipt {
  raster: MonoRaster;
  /** The printer's commands for it (raster, feed and cut) in the profile's language. */
  bytes: Uint8Array;
}

/**
 * What the queue needs of the receipt drawing (electron/printing/receipt-drawer.ts, run in the isolated worker):
 * coupons one or a few at a time, the test page, and a PNG of the exact raster.
 */
export interface ReceiptDrawerPort {
  coupons(items: CouponItem[], profile: PrinterProfile): Promise<DrawnReceipt[]>;
  testPage(input: TestPageInput, profile: PrinterProfile): Promise<DrawnReceipt>;
  previewPng(item: CouponItem, profile: PrinterProfile): Promise<{ png: Buffer; width: number; height: number }>;
}
