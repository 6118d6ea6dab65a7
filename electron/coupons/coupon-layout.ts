import type { SKRSContext2D } from '@napi-rs/canvas';
import { MONO, SANS } from './fonts';

/** What a printed or downloaded coupon shows. */
export interface CouponData {
  shopName: string;
  title: string;
  description: string | null;
  /** The redeem code as printed (XXXX-XXXX-XXX or the POS code), if any. */
  redeemCode: string | null;
  /** The words above the code ("Redeem code"), in the shop's language. */
  codeLabel: string;
  /** What the QR code holds: the voucher token. */
  qrPayload: string;
  /** What the linear barcode holds: the redeem code, else the token. */
  barcodePayload: string;
  validityText: string;
  footer: string;
  /** The shop language's direction: right to left for azb, whose text lines are then laid out mirrored. */
  direction: 'ltr' | 'rtl';
}

export interface TextLine {
  text: string;
  font: string;
  x: number;
  y: number;
  color: string;
  /** Codes stay left to right inside right-to-left coupons. */
  direction: 'ltr' | 'rtl';
}

/** The coupon in a box of `width` units (height follows): texts, the picture's box, the codes' boxes. */
export interface CouponLayout {
  width: number;
  height: number;
  lines: TextLine[];
  image: { x: number; y: number; width: number; height: number } | null;
  qr: { x: number; y: number; size: number };
  barcode: { x: number; y: number; width: number; height: number };
}

export const COUPON_WIDTH = 600;
export const COUPON_HEIGHT = 860;

/**
 * One layout for every output. Lines are wrapped at word boundaries found by Intl.Segmenter, which also
 * knows where Thai words end (Thai is written without spaces).
 */
export function layoutCoupon(ctx: SKRSContext2D, data: CouponData, image: { width: number; height: number } | null): CouponLayout {
  const W = COUPON_WIDTH;
  const pad = 36;
  const lines: TextLine[] = [];
  let y = pad + 8;
  const add = (text: string, size: number, weight: 'normal' | 'bold', color: string, maxLines: number, family = SANS) => {
    const font = `${weight} ${size}px ${family}`;
    ctx.font = font;
    ctx.direction = data.direction;
    for (const line of wrap(ctx, text, W - 2 * pad, maxLines)) {
      y += size * 1.25;
      lines.push({ text: line, font, x: W / 2, y, color, direction: data.direction });
    }
  };
  if (data.shopName) add(data.shopName.toUpperCase(), 20, 'bold', '#555555', 1);
  add(data.title, 38, 'bold', '#000000', 2);
  if (data.description) add(data.description, 22, 'normal', '#222222', 3);
  y += 14;
  let imageBox: CouponLayout['image'] = null;
  if (image && image.width > 0 && image.height > 0) {
    const boxH = 130;
    const scale = Math.min(boxH / image.height, (W - 2 * pad) / image.width);
    const w = image.width * scale;
    const h = image.height * scale;
    imageBox = { x: (W - w) / 2, y, width: w, height: h };
    y += h + 14;
  }
  const bottomBlock = 62 + 96 + 10 + 30 + 28 + pad; // code label and code, barcode, gaps, validity, footer
  const qrSize = Math.max(150, Math.min(250, COUPON_HEIGHT - y - bottomBlock));
  const qr = { x: (W - qrSize) / 2, y, size: qrSize };
  y += qrSize + 6;
  if (data.redeemCode) {
    y += 20;
    lines.push({ text: data.codeLabel, font: `normal 16px ${SANS}`, x: W / 2, y, color: '#555555', direction: data.direction });
    y += 36;
    lines.push({ text: data.redeemCode, font: `bold 34px ${MONO}`, x: W / 2, y, color: '#000000', direction: 'ltr' });
  }
  y += 12;
  const barcode = { x: pad, y, width: W - 2 * pad, height: 90 };
  y += 90 + 30;
  lines.push({ text: data.validityText, font: `normal 20px ${SANS}`, x: W / 2, y, color: '#222222', direction: data.direction });
  y += 26;
  lines.push({ text: data.footer, font: `normal 16px ${SANS}`, x: W / 2, y, color: '#777777', direction: data.direction });
  return { width: W, height: Math.max(COUPON_HEIGHT, y + pad), lines, image: imageBox, qr, barcode };
}

function wrap(ctx: SKRSContext2D, text: string, maxWidth: number, maxLines: number): string[] {
  const words = [...new Intl.Segmenter(undefined, { granularity: 'word' }).segment(text)].map((s) => s.segment);
  const lines: string[] = [];
  let current = '';
  for (const word of words) {
    const candidate = current + word;
    if (current && ctx.measureText(candidate).width > maxWidth) {
      lines.push(current.trim());
      current = word.trimStart();
    } else current = candidate;
  }
  if (current.trim()) lines.push(current.trim());
  if (lines.length > maxLines) {
    const kept = lines.slice(0, maxLines);
    let last = kept[maxLines - 1]!;
    while (last.length > 1 && ctx.measureText(`${last}…`).width > maxWidth) last = last.slice(0, -1);
    kept[maxLines - 1] = `${last}…`;
    return kept;
  }
  return lines;
}
