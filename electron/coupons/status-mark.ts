import type { SKRSContext2D } from '@napi-rs/canvas';
import type { CouponLayout, CouponMark } from './coupon-layout';
import { SANS } from './fonts';

/** The mark's ink: a stamp red, still dark on a grey or thermal print. */
export const MARK_COLOR = '#c8102e';
const TILT = (16 * Math.PI) / 180;

/**
 * Marks a coupon whose voucher cannot be redeemed, in layout units: the coupon fades behind a white veil, its
 * redeem code is struck through, the barcode's place is hatched, and a tilted stamp across the middle (where the
 * QR code would be) carries the word (VOID, REDEEMED, EXPIRED in the shop's language) and its dated line. A
 * right-to-left coupon's stamp tilts the other way. The caller draws no QR code or barcode on a marked coupon.
 */
export function paintStatusMark(ctx: SKRSContext2D, layout: CouponLayout, mark: CouponMark, direction: 'ltr' | 'rtl'): void {
  ctx.save();
  ctx.fillStyle = 'rgba(255, 255, 255, 0.45)';
  ctx.fillRect(10, 10, layout.width - 20, layout.height - 20);
  // the barcode's place is hatched, so it reads as cancelled, not as a misprint (the stamp covers the QR code's)
  hatch(ctx, layout.barcode.x + 20, layout.barcode.y, layout.barcode.width - 40, layout.barcode.height);
  ctx.strokeStyle = MARK_COLOR;
  ctx.lineWidth = 4;
  for (const line of layout.lines.filter((l) => l.code)) {
    ctx.font = line.font;
    const half = ctx.measureText(line.text).width / 2 + 8;
    ctx.beginPath();
    ctx.moveTo(line.x - half, line.y - 12);
    ctx.lineTo(line.x + half, line.y - 12);
    ctx.stroke();
  }

  const maxWidth = layout.width - 2 * 90; // the tilted stamp stays inside the coupon
  ctx.direction = direction;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'alphabetic';
  const wordSize = fit(ctx, mark.word, 'bold', 92, 36, maxWidth - 60);
  const dateSize = fit(ctx, mark.date, 'normal', 22, 12, maxWidth - 40);
  ctx.font = `bold ${wordSize}px ${SANS}`;
  const wordWidth = ctx.measureText(mark.word).width;
  ctx.font = `normal ${dateSize}px ${SANS}`;
  const dateWidth = ctx.measureText(mark.date).width;
  const boxWidth = Math.min(maxWidth, Math.max(wordWidth + 60, dateWidth + 40, 300));
  const boxHeight = Math.round(wordSize * 1.2 + dateSize * 1.6 + 44);

  ctx.translate(layout.width / 2, layout.qr.y + layout.qr.size / 2);
  ctx.rotate(direction === 'rtl' ? TILT : -TILT);
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(-boxWidth / 2, -boxHeight / 2, boxWidth, boxHeight);
  ctx.strokeStyle = MARK_COLOR;
  ctx.lineWidth = 7;
  ctx.strokeRect(-boxWidth / 2, -boxHeight / 2, boxWidth, boxHeight);
  ctx.lineWidth = 2;
  ctx.strokeRect(-boxWidth / 2 + 11, -boxHeight / 2 + 11, boxWidth - 22, boxHeight - 22);
  ctx.fillStyle = MARK_COLOR;
  ctx.font = `bold ${wordSize}px ${SANS}`;
  const wordBaseline = -boxHeight / 2 + 20 + wordSize;
  ctx.fillText(mark.word, 0, wordBaseline);
  ctx.font = `normal ${dateSize}px ${SANS}`;
  ctx.fillText(mark.date, 0, wordBaseline + dateSize * 1.6);
  ctx.restore();
}

/** Thin diagonal lines in the mark's colour over a box, clipped to it. */
function hatch(ctx: SKRSContext2D, x: number, y: number, width: number, height: number): void {
  ctx.save();
  ctx.beginPath();
  ctx.rect(x, y, width, height);
  ctx.clip();
  ctx.strokeStyle = 'rgba(200, 16, 46, 0.35)';
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

/** The largest size from `largest` down to `smallest` at which the text fits `maxWidth`. */
function fit(ctx: SKRSContext2D, text: string, weight: 'normal' | 'bold', largest: number, smallest: number, maxWidth: number): number {
  let size = largest;
  for (; size > smallest; size -= 2) {
    ctx.font = `${weight} ${size}px ${SANS}`;
    if (ctx.measureText(text).width <= maxWidth) break;
  }
  return size;
}
