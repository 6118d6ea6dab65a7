import { createCanvas, loadImage, type Image, type SKRSContext2D } from '@napi-rs/canvas';
import { QR_QUIET, code128Bars, qrMatrix } from '../barcodes/symbols';
import { layoutCoupon, type CouponData, type CouponLayout } from './coupon-layout';
import { paintStatusMark } from './status-mark';

export interface CouponImage {
  mime: string;
  bytes: Buffer;
}

/** Loads a stored picture for drawing; a picture that cannot be drawn is left out, never fatal. */
export async function loadCouponImage(image: CouponImage | null): Promise<Image | null> {
  if (!image) return null;
  try {
    return await loadImage(image.bytes);
  } catch {
    return null;
  }
}

export interface PaintOptions {
  /** Also draw the QR code and barcode as pixels (a PNG); a PDF draws them as vectors itself. */
  codes: boolean;
  /** Draw the picture (default); without, its box is laid out but left empty, for a PDF that places it itself. */
  drawPicture?: boolean;
  /** Where a mark's red ink goes (default: `ctx`), transformed like `ctx`: a PDF keeps it on a layer of its own. */
  ink?: SKRSContext2D;
}

/**
 * Paints a coupon at (x, y) scaled by `scale`. A coupon with a mark (its voucher cannot be redeemed) is drawn
 * faded, its picture in grey, with the mark, and never with a QR code or barcode, whatever `codes` says.
 */
export function paintCoupon(ctx: SKRSContext2D, data: CouponData, picture: Image | null, x: number, y: number, scale: number, options: PaintOptions): CouponLayout {
  const { codes, drawPicture = true, ink = ctx } = options;
  const layout = layoutCoupon(ctx, data, picture ? { width: picture.width, height: picture.height } : null);
  ctx.save();
  ctx.translate(x, y);
  ctx.scale(scale, scale);
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, layout.width, layout.height);
  ctx.strokeStyle = '#999999';
  ctx.lineWidth = 2;
  ctx.setLineDash([10, 8]);
  ctx.strokeRect(6, 6, layout.width - 12, layout.height - 12);
  ctx.setLineDash([]);
  ctx.textAlign = 'center';
  ctx.textBaseline = 'alphabetic';
  for (const line of layout.lines) {
    ctx.font = line.font;
    ctx.direction = line.direction;
    ctx.fillStyle = line.color;
    ctx.fillText(line.text, line.x, line.y);
  }
  if (picture && layout.image && drawPicture) {
    if (data.mark) ctx.filter = 'grayscale(100%)';
    ctx.drawImage(picture, layout.image.x, layout.image.y, layout.image.width, layout.image.height);
    ctx.filter = 'none';
  }
  if (data.mark) {
    if (ink !== ctx) {
      ink.save();
      ink.translate(x, y);
      ink.scale(scale, scale);
    }
    paintStatusMark(ctx, ink, layout, data.mark, data.direction);
    if (ink !== ctx) ink.restore();
  }
  ctx.restore();
  if (codes && !data.mark) {
    paintQr(ctx, data.qrPayload, x + layout.qr.x * scale, y + layout.qr.y * scale, layout.qr.size * scale);
    paintCode128(ctx, data.barcodePayload, x + layout.barcode.x * scale, y + layout.barcode.y * scale, layout.barcode.width * scale, layout.barcode.height * scale);
  }
  return layout;
}

/** A QR code in a square, modules snapped to whole pixels so edges stay sharp. */
export function paintQr(ctx: SKRSContext2D, payload: string, x: number, y: number, size: number): void {
  const m = qrMatrix(payload);
  const total = m.size + 2 * QR_QUIET;
  const module = Math.max(1, Math.floor(size / total));
  const offsetX = Math.round(x + (size - module * total) / 2);
  const offsetY = Math.round(y + (size - module * total) / 2);
  paintQrModules(ctx, m, offsetX, offsetY, module);
}

/** A QR matrix with its quiet zone at (left, top), `module` whole pixels (or printer dots) per module. */
export function paintQrModules(ctx: SKRSContext2D, m: ReturnType<typeof qrMatrix>, left: number, top: number, module: number): void {
  const total = m.size + 2 * QR_QUIET;
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(left, top, module * total, module * total);
  ctx.fillStyle = '#000000';
  for (let y = 0; y < m.size; y++) {
    for (let x = 0; x < m.size; x++) {
      if (m.dark(x, y)) ctx.fillRect(left + (x + QR_QUIET) * module, top + (y + QR_QUIET) * module, module, module);
    }
  }
}

/** A Code 128 barcode in a box, whole pixels per module, quiet zones included. */
export function paintCode128(ctx: SKRSContext2D, payload: string, x: number, y: number, width: number, height: number): void {
  const { modules, bars } = code128Bars(payload);
  const module = Math.max(1, Math.floor(width / modules));
  const left = Math.round(x + (width - module * modules) / 2);
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(left, Math.round(y), module * modules, Math.round(height));
  ctx.fillStyle = '#000000';
  for (const bar of bars) ctx.fillRect(left + bar.x * module, Math.round(y), bar.width * module, Math.round(height));
}

/** One coupon as a PNG, `scale` × 600 pixels wide. */
export async function couponPng(data: CouponData, image: CouponImage | null, scale = 2): Promise<Buffer> {
  const picture = await loadCouponImage(image);
  const probe = createCanvas(10, 10).getContext('2d');
  const { height, width } = layoutCoupon(probe, data, picture ? { width: picture.width, height: picture.height } : null);
  const canvas = createCanvas(Math.round(width * scale), Math.round(height * scale));
  paintCoupon(canvas.getContext('2d'), data, picture, 0, 0, scale, { codes: true });
  return canvas.encode('png');
}
