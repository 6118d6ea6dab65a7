import type { Image } from '@napi-rs/canvas';
import { registerCouponFonts } from '../coupons/fonts';
import { loadCouponImage } from '../coupons/paint';
import { assertDrawable } from '../images/drawable';
import { encodeReceipt } from '../printing/encode/encode-receipt';
import { drawReceipt } from '../printing/receipt/draw-receipt';
import { rasterToPng } from '../printing/receipt/raster-png';
import { drawTestPage } from '../printing/receipt/test-page';
import { asBuffer, type DrawnReceiptData, type Jobs } from './protocol';

/**
 * The worker's side of `receipt.draw`: the shipped fonts, each stored picture checked again and decoded once, then
 * every item drawn on the one reused canvas of its width and encoded for the printer, with a turn of the event loop
 * between items so the canvas library can free what the last one used (DESIGN.md §5).
 */
export async function drawReceipts(input: Jobs['receipt.draw']['input']): Promise<Jobs['receipt.draw']['output']> {
  registerCouponFonts(input.resourcesDir);
  const pictures = new Map<string, Image | null>();
  for (const [id, stored] of Object.entries(input.images)) {
    const image = { mime: stored.mime, bytes: asBuffer(stored.bytes) };
    assertDrawable(image);
    pictures.set(id, await loadCouponImage(image));
  }
  const receipts: DrawnReceiptData[] = [];
  for (const item of input.items) {
    const raster =
      'coupon' in item
        ? drawReceipt(item.coupon.data, item.coupon.imageId ? (pictures.get(item.coupon.imageId) ?? null) : null, input.profile)
        : drawTestPage(item.testPage, input.profile);
    const bytes = encodeReceipt(raster, input.profile, { cut: true });
    receipts.push({ ...raster, bytes, ...(input.png ? { png: await rasterToPng(raster) } : {}) });
    await new Promise((resolve) => setImmediate(resolve));
  }
  return { receipts };
}
