import { setImmediate as nextTurn } from 'node:timers/promises';
import { createCanvas, type Canvas, type Image } from '@napi-rs/canvas';
import { QR_QUIET, code128Bars, qrMatrix } from '../barcodes/symbols';
import { pdfImage, writePdf, type PdfPage } from '../pdf/pdf-writer';
import { pagePixels } from '../pdf/raster';
import { COUPON_HEIGHT, COUPON_WIDTH, type CouponData } from './coupon-layout';
import { loadCouponImage, paintCoupon, type CouponImage } from './paint';

const MM = 72 / 25.4;
const A4 = { width: 210 * MM, height: 297 * MM };
const MARGIN = 10 * MM;
const COLUMNS = 3;
const ROWS = 3;
const GAP = 5 * MM;

export interface CouponSource {
  data: CouponData;
  image: CouponImage | null;
}

/**
 * Coupons as PDF. `single`: one coupon per page the size of the coupon (95 mm wide). `sheet`: nine per A4
 * page, to cut out. Text and pictures are raster (150 dpi sheets, 200 dpi singles; every script shaped by
 * the coupon fonts), in colour where the page has any (a picture, a mark), else grey; QR codes and barcodes are
 * vector rectangles, sharp on any printer. Sheets hold nine coupons (61 mm wide: barcode modules of 0.24 mm,
 * within what till scanners read). A coupon whose voucher cannot be redeemed keeps its place, marked, without
 * codes (see paintStatusMark).
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
  const canvasFor = (width: number, height: number) => {
    const key = `${width}x${height}`;
    if (!canvases.has(key)) canvases.set(key, createCanvas(width, height));
    return canvases.get(key)!;
  };
  if (mode === 'single') {
    const width = 95 * MM;
    const height = (width * COUPON_HEIGHT) / COUPON_WIDTH;
    for (const coupon of coupons) {
      pages.push(await renderPage(canvasFor, width, height, [{ coupon, x: 0, y: 0, width }], 200, pictureOf));
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
      pages.push(await renderPage(canvasFor, A4.width, A4.height, cells, 150, pictureOf));
      await nextTurn();
    }
  }
  return writePdf(pages, 'Stampdesk vouchers');
}

async function renderPage(
  canvasFor: (pixelWidth: number, pixelHeight: number) => Canvas,
  width: number,
  height: number,
  cells: Array<{ coupon: CouponSource; x: number; y: number; width: number }>,
  dpi: number,
  pictureOf: (image: CouponImage | null) => Promise<Image | null>,
): Promise<PdfPage> {
  const px = dpi / 72;
  const canvas = canvasFor(Math.round(width * px), Math.round(height * px));
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  const rects: PdfPage['rects'] = [];
  for (const cell of cells) {
    const scale = cell.width / COUPON_WIDTH; // points per layout unit
    const layout = paintCoupon(ctx, cell.coupon.data, await pictureOf(cell.coupon.image), cell.x * px, cell.y * px, scale * px, false);
    if (cell.coupon.data.mark) continue; // no scannable code on a voucher that cannot be redeemed
    qrRects(cell.coupon.data.qrPayload, cell.x + layout.qr.x * scale, cell.y + layout.qr.y * scale, layout.qr.size * scale, rects);
    barRects(
      cell.coupon.data.barcodePayload,
      cell.x + layout.barcode.x * scale,
      cell.y + layout.barcode.y * scale,
      layout.barcode.width * scale,
      layout.barcode.height * scale,
      rects,
    );
  }
  const { channels, pixels } = pagePixels(ctx.getImageData(0, 0, canvas.width, canvas.height).data);
  return {
    width,
    height,
    images: [pdfImage({ x: 0, y: 0, width, height, pixelWidth: canvas.width, pixelHeight: canvas.height, channels }, pixels)],
    rects,
  };
}

function qrRects(payload: string, x: number, y: number, size: number, out: PdfPage['rects']): void {
  const m = qrMatrix(payload);
  const module = size / (m.size + 2 * QR_QUIET);
  for (let my = 0; my < m.size; my++) {
    let run = -1;
    for (let mx = 0; mx <= m.size; mx++) {
      const dark = mx < m.size && m.dark(mx, my);
      if (dark && run < 0) run = mx;
      if (!dark && run >= 0) {
        out.push([x + (run + QR_QUIET) * module, y + (my + QR_QUIET) * module, (mx - run) * module, module * 1.04]); // overlap: no hairline seams
        run = -1;
      }
    }
  }
}

function barRects(payload: string, x: number, y: number, width: number, height: number, out: PdfPage['rects']): void {
  const { modules, bars } = code128Bars(payload);
  const module = width / modules;
  for (const bar of bars) out.push([x + bar.x * module, y, bar.width * module, height]);
}
