import { createCanvas, type Canvas, type Image } from '@napi-rs/canvas';
import { QR_QUIET, code128Bars, qrMatrix } from '../barcodes/symbols';
import { pdfRaster, type PdfImage, type PdfPage, type PdfRaster } from '../pdf/pdf-writer';
import { clampRect, pagePixels, splitColour, type PixelRect } from '../pdf/raster';
import { COUPON_WIDTH, type CouponData } from './coupon-layout';
import { paintCoupon, type CouponImage } from './paint';
import { MARK_RGB } from './status-mark';

export interface CouponSource {
  data: CouponData;
  image: CouponImage | null;
}

/** A coupon's place on a page, in points. */
export interface PageCell {
  coupon: CouponSource;
  x: number;
  y: number;
  width: number;
}

/** What the pages of one PDF share: the canvas, the loaded pictures and their rasters. */
export interface PageTools {
  /** One canvas per size and layer ('page', or 'ink' for the marks' red), reused page after page. */
  canvasFor(pixelWidth: number, pixelHeight: number, layer: 'page' | 'ink'): Canvas;
  pictureOf(image: CouponImage | null): Promise<Image | null>;
  pictureRaster(picture: Image, width: number, height: number): PdfRaster;
}

/** Pictures are stored at print resolution, once per picture and size, however many coupons show them. */
const PICTURE_DPI = 300;

/**
 * One page: the coupons painted on one canvas (text as raster, shaped by the coupon fonts), stored as a grey
 * raster (with an RGB cut-out over any coupon that still holds colour); the red ink of marks as one colour through
 * an alpha mask per marked coupon; each unmarked coupon's picture placed from its shared raster (a marked one's
 * is painted grey under its veil); QR codes and barcodes as vector rectangles.
 */
export async function renderPage(tools: PageTools, width: number, height: number, cells: readonly PageCell[], dpi: number): Promise<PdfPage> {
  const px = dpi / 72;
  const canvas = tools.canvasFor(Math.round(width * px), Math.round(height * px), 'page');
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  // the marks' ink has a layer of its own, only on a page that has a marked coupon
  const ink = cells.some((cell) => cell.coupon.data.mark) ? tools.canvasFor(canvas.width, canvas.height, 'ink').getContext('2d') : ctx;
  if (ink !== ctx) ink.clearRect(0, 0, canvas.width, canvas.height);
  const rects: PdfPage['rects'] = [];
  const pictures: PdfImage[] = [];
  const regions: PixelRect[] = [];
  const marked: PixelRect[] = [];
  for (const cell of cells) {
    const { data } = cell.coupon;
    const scale = cell.width / COUPON_WIDTH; // points per layout unit
    const picture = await tools.pictureOf(cell.coupon.image);
    const placed = picture !== null && data.mark === null;
    const layout = paintCoupon(ctx, data, picture, cell.x * px, cell.y * px, scale * px, { codes: false, drawPicture: !placed, ink });
    const region = pixelRect(cell.x * px, cell.y * px, layout.width * scale * px, layout.height * scale * px);
    regions.push(region);
    if (data.mark) marked.push(region);
    if (placed && layout.image) {
      const box = { x: cell.x + layout.image.x * scale, y: cell.y + layout.image.y * scale, width: layout.image.width * scale, height: layout.image.height * scale };
      pictures.push({ raster: tools.pictureRaster(picture, box.width, box.height), ...box });
    }
    if (data.mark) continue; // no scannable code on a voucher that cannot be redeemed
    qrRects(data.qrPayload, cell.x + layout.qr.x * scale, cell.y + layout.qr.y * scale, layout.qr.size * scale, rects);
    barRects(data.barcodePayload, cell.x + layout.barcode.x * scale, cell.y + layout.barcode.y * scale, layout.barcode.width * scale, layout.barcode.height * scale, rects);
  }
  const { gray, coloured } = splitColour(ctx.getImageData(0, 0, canvas.width, canvas.height).data, canvas.width, canvas.height, regions);
  const images: PdfImage[] = [];
  if (gray) images.push({ raster: pdfRaster(canvas.width, canvas.height, 1, gray), x: 0, y: 0, width, height });
  for (const { rect, rgb } of coloured) {
    images.push({ raster: pdfRaster(rect.width, rect.height, 3, rgb), x: rect.x / px, y: rect.y / px, width: rect.width / px, height: rect.height / px });
  }
  for (const rect of marked) {
    const r = clampRect(rect, canvas.width, canvas.height);
    const rgba = ink.getImageData(r.x, r.y, r.width, r.height).data;
    const pixels = new Uint32Array(rgba.buffer, rgba.byteOffset, r.width * r.height);
    const alpha = Buffer.allocUnsafe(pixels.length);
    for (let i = 0; i < pixels.length; i++) alpha[i] = pixels[i]! >>> 24;
    const raster: PdfRaster = { pixelWidth: r.width, pixelHeight: r.height, channels: 3, deflated: solidInk(r.width, r.height), smask: pdfRaster(r.width, r.height, 1, alpha) };
    images.push({ raster, x: r.x / px, y: r.y / px, width: r.width / px, height: r.height / px });
  }
  return { width, height, images: [...images, ...pictures], rects };
}

const solidInks = new Map<string, Promise<Buffer>>();

/**
 * The marks' red over a whole cut-out, deflated once per size (a few hundred bytes): its soft mask carries the
 * shapes. As large as its mask, as every PDF reader expects, though the format would allow one pixel.
 */
function solidInk(width: number, height: number): Promise<Buffer> {
  const key = `${width}x${height}`;
  let deflated = solidInks.get(key);
  if (!deflated) {
    if (solidInks.size > 16) solidInks.clear();
    const pixels = Buffer.allocUnsafe(width * height * 3);
    for (let o = 0; o < pixels.length; o += 3) pixels.set(MARK_RGB, o);
    deflated = pdfRaster(width, height, 3, pixels).deflated;
    solidInks.set(key, deflated);
  }
  return deflated;
}

/** The picture rasters of one PDF, made on first use for each picture and size (in points). */
export function pictureRasters(): (picture: Image, width: number, height: number) => PdfRaster {
  const made = new Map<Image, Map<string, PdfRaster>>();
  return (picture, width, height) => {
    const pixelWidth = Math.max(1, Math.round((width * PICTURE_DPI) / 72));
    const pixelHeight = Math.max(1, Math.round((height * PICTURE_DPI) / 72));
    const key = `${pixelWidth}x${pixelHeight}`;
    const sizes = made.get(picture) ?? new Map<string, PdfRaster>();
    made.set(picture, sizes);
    let raster = sizes.get(key);
    if (!raster) {
      const canvas = createCanvas(pixelWidth, pixelHeight);
      const ctx = canvas.getContext('2d');
      ctx.fillStyle = '#ffffff'; // a transparent picture sits on the coupon's white
      ctx.fillRect(0, 0, pixelWidth, pixelHeight);
      ctx.drawImage(picture, 0, 0, pixelWidth, pixelHeight);
      const { channels, pixels } = pagePixels(ctx.getImageData(0, 0, pixelWidth, pixelHeight).data, pixelWidth, pixelHeight);
      raster = pdfRaster(pixelWidth, pixelHeight, channels, pixels);
      sizes.set(key, raster);
    }
    return raster;
  };
}

function pixelRect(x: number, y: number, width: number, height: number): PixelRect {
  const left = Math.floor(x);
  const top = Math.floor(y);
  return { x: left, y: top, width: Math.ceil(x + width) - left, height: Math.ceil(y + height) - top };
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
