import type { SKRSContext2D } from '@napi-rs/canvas';
import type { CouponLayout, CouponMark } from './coupon-layout';
import { SANS } from './fonts';

/** The mark's ink: a stamp red, still dark on a grey or thermal print. */
export const MARK_RGB = [200, 16, 46] as const;
const MARK_COLOR = `rgb(${MARK_RGB.join(', ')})`;
const TILT = (16 * Math.PI) / 180;

/**
 * Marks a coupon whose voucher cannot be redeemed, in layout units. On `ctx`, in greys: a white veil fades the
 * coupon (its picture is drawn grey by the caller), the barcode's place is hatched so it reads as cancelled rather
 * than misprinted, and the stamp's white ground is laid. On `ink` (the same canvas for a PNG; a layer of its own
 * in a PDF, stored as one colour with an alpha mask), in red: the redeem code struck through, and a tilted stamp
 * across the middle, where the QR code would be, with the word (VOID, REDEEMED, EXPIRED in the shop's language)
 * and its dated line. A right-to-left coupon's stamp tilts the other way. The caller draws no QR code or barcode.
 */
export function paintStatusMark(ctx: SKRSContext2D, ink: SKRSContext2D, layout: CouponLayout, mark: CouponMark, direction: 'ltr' | 'rtl'): void {
  ctx.save();
  ctx.fillStyle = 'rgba(255, 255, 255, 0.45)';
  ctx.fillRect(10, 10, layout.width - 20, layout.height - 20);
  hatch(ctx, layout.barcode.x + 20, layout.barcode.y, layout.barcode.width - 40, layout.barcode.height);
  const stamp = stampGeometry(ctx, layout, mark, direction);
  toStamp(ctx, stamp);
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(-stamp.width / 2, -stamp.height / 2, stamp.width, stamp.height);
  ctx.restore();

  ink.save();
  ink.strokeStyle = MARK_COLOR;
  ink.fillStyle = MARK_COLOR;
  ink.lineWidth = 4;
  for (const line of layout.lines.filter((l) => l.code)) {
    ink.font = line.font;
    const half = ink.measureText(line.text).width / 2 + 8;
    ink.beginPath();
    ink.moveTo(line.x - half, line.y - 12);
    ink.lineTo(line.x + half, line.y - 12);
    ink.stroke();
  }
  toStamp(ink, stamp);
  const { width, height } = stamp;
  ink.lineWidth = 7;
  ink.strokeRect(-width / 2, -height / 2, width, height);
  ink.lineWidth = 2;
  ink.strokeRect(-width / 2 + 11, -height / 2 + 11, width - 22, height - 22);
  ink.direction = direction;
  ink.textAlign = 'center';
  ink.textBaseline = 'alphabetic';
  const wordBaseline = -height / 2 + 20 + stamp.wordSize;
  ink.font = `bold ${stamp.wordSize}px ${SANS}`;
  ink.fillText(mark.word, 0, wordBaseline);
  ink.font = `normal ${stamp.dateSize}px ${SANS}`;
  ink.fillText(mark.date, 0, wordBaseline + stamp.dateSize * 1.6);
  ink.restore();
}

interface Stamp {
  centerX: number;
  centerY: number;
  angle: number;
  width: number;
  height: number;
  wordSize: number;
  dateSize: number;
}

/** The stamp's box: as large as its words need, within what stays inside the coupon once tilted. */
function stampGeometry(ctx: SKRSContext2D, layout: CouponLayout, mark: CouponMark, direction: 'ltr' | 'rtl'): Stamp {
  const maxWidth = layout.width - 2 * 90;
  ctx.direction = direction;
  const wordSize = fit(ctx, mark.word, 'bold', 92, 36, maxWidth - 60);
  const dateSize = fit(ctx, mark.date, 'normal', 22, 12, maxWidth - 40);
  ctx.font = `bold ${wordSize}px ${SANS}`;
  const wordWidth = ctx.measureText(mark.word).width;
  ctx.font = `normal ${dateSize}px ${SANS}`;
  const dateWidth = ctx.measureText(mark.date).width;
  return {
    centerX: layout.width / 2,
    centerY: layout.qr.y + layout.qr.size / 2,
    angle: direction === 'rtl' ? TILT : -TILT,
    width: Math.min(maxWidth, Math.max(wordWidth + 60, dateWidth + 40, 300)),
    height: Math.round(wordSize * 1.2 + dateSize * 1.6 + 44),
    wordSize,
    dateSize,
  };
}

function toStamp(ctx: SKRSContext2D, stamp: Stamp): void {
  ctx.translate(stamp.centerX, stamp.centerY);
  ctx.rotate(stamp.angle);
}

/** The largest size from `largest` down to `smallest` at which the text fits `maxWidth`. */
function fit(ctx: SKRSContext2D, text: string, weight: 'normal' | 'bold', largest: number, smallest: number, maxWidth: number): number {
  let size = largest;
  for (; size > smallest; size -= 2) {
    ctx.font = `${weight} ${size}px ${SANS}`;
    if (ctx.measureText(text).width <= maxWidth) break;
  }
  return size;
}

/** Thin grey diagonal lines over a box, clipped to it, with its outline. */
function hatch(ctx: SKRSContext2D, x: number, y: number, width: number, height: number): void {
  ctx.save();
  ctx.beginPath();
  ctx.rect(x, y, width, height);
  ctx.clip();
  ctx.strokeStyle = '#bbbbbb';
  ctx.lineWidth = 2;
  ctx.beginPath();
  for (let d = -height; d < width; d += 16) {
    ctx.moveTo(x + d, y + height);
    ctx.lineTo(x + d + height, y);
  }
  ctx.stroke();
  ctx.strokeRect(x, y, width, height);
  ctx.restore();
}
