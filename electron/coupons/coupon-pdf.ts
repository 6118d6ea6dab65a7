import { setImmediate as nextTurn } from 'node:timers/promises';
import { createCanvas, type Canvas, type Image } from '@napi-rs/canvas';
import { writePdf, type PdfPage } from '../pdf/pdf-writer';
import { COUPON_HEIGHT, COUPON_WIDTH } from './coupon-layout';
import { pictureRasters, renderPage, type CouponSource, type PageTools } from './coupon-pdf-page';
import { loadCouponImage, type CouponImage } from './paint';

export type { CouponSource } from './coupon-pdf-page';

const MM = 72 / 25.4;
const A4 = { width: 210 * MM, height: 297 * MM };
const MARGIN = 10 * MM;
const COLUMNS = 3;
const ROWS = 3;
const GAP = 5 * MM;

/**
 * Coupons as PDF. `single`: one coupon per page the size of the coupon (95 mm wide). `sheet`: nine per A4
 * page, to cut out. Text is raster (150 dpi sheets, 200 dpi singles; every script shaped by the coupon fonts),
 * grey, with the coupons that hold colour (a mark's red) in RGB; a picture keeps its colours and is stored once
 * at 300 dpi however many coupons show it; QR codes and barcodes are vector rectangles, sharp on any printer.
 * Sheets hold nine coupons (61 mm wide: barcode modules of 0.24 mm, within what till scanners read). A coupon
 * whose voucher cannot be redeemed keeps its place, marked, without codes (see paintStatusMark).
 */
export async function couponsPdf(coupons: readonly CouponSource[], mode: 'single' | 'sheet'): Promise<Buffer> {
  const pictures = new Map<CouponImage, Image | null>();
  const pictureOf = async (image: CouponImage | null) => {
    if (!image) return null;
    if (!pictures.has(image)) pictures.set(image, await loadCouponImage(image));
    return pictures.get(image) ?? null;
  };
  const pages: PdfPage[] = [];
  // One canvas for every page, and a turn of the event loop after each: the pixels read back from a canvas
  // live outside the JS heap and are released only by finalizers that run between turns. Drawn back to back,
  // a 10,000-voucher sheet held over 20 GB; like this it stays under 300 MB of pixels.
  const canvases = new Map<string, Canvas>();
  const tools: PageTools = {
    canvasFor: (width, height, layer) => {
      const key = `${layer} ${width}x${height}`;
      if (!canvases.has(key)) canvases.set(key, createCanvas(width, height));
      return canvases.get(key)!;
    },
    pictureOf,
    pictureRaster: pictureRasters(),
  };
  if (mode === 'single') {
    const width = 95 * MM;
    const height = (width * COUPON_HEIGHT) / COUPON_WIDTH;
    for (const coupon of coupons) {
      pages.push(await renderPage(tools, width, height, [{ coupon, x: 0, y: 0, width }], 200));
      await nextTurn();
    }
  } else {
    const cellHeight = (A4.height - 2 * MARGIN - (ROWS - 1) * GAP) / ROWS;
    const cellWidth = (cellHeight * COUPON_WIDTH) / COUPON_HEIGHT;
    const gapX = (A4.width - 2 * MARGIN - COLUMNS * cellWidth) / (COLUMNS - 1);
    for (let start = 0; start < coupons.length; start += COLUMNS * ROWS) {
      const cells = coupons.slice(start, start + COLUMNS * ROWS).map((coupon, i) => ({
        coupon,
        x: MARGIN + (i % COLUMNS) * (cellWidth + gapX),
        y: MARGIN + Math.floor(i / COLUMNS) * (cellHeight + GAP),
        width: cellWidth,
      }));
      pages.push(await renderPage(tools, A4.width, A4.height, cells, 150));
      await nextTurn();
    }
  }
  return writePdf(pages, 'Stampdesk vouchers');
}
