import type { SKRSContext2D } from '@napi-rs/canvas';
import { MONO, SANS } from './fonts';

/**
 * The mark across a coupon whose voucher cannot be redeemed, in the shop's language: its word ("VOID") and a
 * dated line ("Voided on 11 June 2026 at 13:00"). A marked coupon carries no QR code and no barcode.
 */
export interface CouponMark {
  status: 'redeemed' | 'expired' | 'voided';
  word: string;
  date: string;
}

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
  /** Null while the voucher can be redeemed; otherwise the mark, and no scannable code is drawn. */
  mark: CouponMark | null;
}

export interface TextLine {
  text: string;
  font: string;
  x: number;
  y: number;
  color: string;
  /** Codes stay left to right inside right-to-left coupons. */
  direction: 'ltr' | 'rtl';
  /** The redeem code's line (struck through on a marked coupon). */
  code?: boolean;
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

const PAD = 36;
const QR_MAX = 250;
const QR_MIN = 150;
const MIN_GAP = 14;
const BARCODE_HEIGHT = 90;
/** The white quiet zone inside the QR code's box, per side: 4 of the 33 modules of a token's QR code (version 2). */
const QR_MARGIN = 4 / 33;

/** A block of the coupon: its height, and where its parts go once its top is known. */
interface Block {
  height: number;
  place: (top: number) => void;
}

/**
 * One layout for every output. The blocks (shop and title, picture, QR code, redeem code and barcode, validity
 * and footer) share the coupon's height: the space they leave is spread evenly above, between and below them,
 * the QR code giving up size first when they do not fit. Lines are wrapped at word boundaries found by
 * Intl.Segmenter, which also knows where Thai words end (Thai is written without spaces).
 */
export function layoutCoupon(ctx: SKRSContext2D, data: CouponData, image: { width: number; height: number } | null): CouponLayout {
  const W = COUPON_WIDTH;
  const lines: TextLine[] = [];
  const line = (text: string, size: number, font: string, color: string, direction: 'ltr' | 'rtl', code = false) => ({
    height: Math.round(size * 1.3),
    place: (top: number) => lines.push({ text, font, x: W / 2, y: top + size, color, direction, ...(code ? { code } : {}) }),
  });
  const wrapped = (text: string, size: number, weight: 'normal' | 'bold', color: string, maxLines: number) => {
    const font = `${weight} ${size}px ${SANS}`;
    ctx.font = font;
    ctx.direction = data.direction;
    return wrap(ctx, text, W - 2 * PAD, maxLines).map((t) => line(t, size, font, color, data.direction));
  };
  const header = stack([
    ...(data.shopName ? wrapped(data.shopName.toUpperCase(), 20, 'bold', '#555555', 1) : []),
    ...wrapped(data.title, 38, 'bold', '#000000', 2),
    ...(data.description ? wrapped(data.description, 22, 'normal', '#222222', 3) : []),
  ]);

  let imageBox: CouponLayout['image'] = null;
  const picture: Block[] = [];
  if (image && image.width > 0 && image.height > 0) {
    const scale = Math.min(130 / image.height, (W - 2 * PAD) / image.width);
    const w = image.width * scale;
    const h = Math.round(image.height * scale);
    picture.push({ height: h, place: (top) => (imageBox = { x: (W - w) / 2, y: top, width: w, height: h }) });
  }

  const barcode = { x: PAD, y: 0, width: W - 2 * PAD, height: BARCODE_HEIGHT };
  const codes = stack([
    ...(data.redeemCode
      ? [line(data.codeLabel, 16, `normal 16px ${SANS}`, '#555555', data.direction), gap(4), line(data.redeemCode, 34, `bold 34px ${MONO}`, '#000000', 'ltr', true), gap(8)]
      : []),
    { height: BARCODE_HEIGHT, place: (top) => (barcode.y = top) },
  ]);
  const closing = stack([line(data.validityText, 20, `normal 20px ${SANS}`, '#222222', data.direction), line(data.footer, 16, `normal 16px ${SANS}`, '#777777', data.direction)]);

  const fixed = [header, ...picture, codes, closing];
  const gaps = fixed.length + 2; // above, between (the QR code is one more block) and below
  const room = COUPON_HEIGHT - 2 * PAD - fixed.reduce((sum, b) => sum + b.height, 0);
  // the QR code's own quiet zone counts as space around it: the gaps are measured from its dark modules
  const qrSize = Math.round(Math.max(QR_MIN, Math.min(QR_MAX, (room - gaps * MIN_GAP) / (1 - 2 * QR_MARGIN))));
  const qrInset = Math.round(qrSize * QR_MARGIN);
  const qr = { x: (W - qrSize) / 2, y: 0, size: qrSize };
  const blocks: Block[] = [header, ...picture, { height: qrSize - 2 * qrInset, place: (top) => (qr.y = top - qrInset) }, codes, closing];
  const spare = Math.max(gaps * MIN_GAP, room - qrSize + 2 * qrInset);
  let y = PAD;
  blocks.forEach((block, i) => {
    y += spare / gaps;
    block.place(Math.round(y)); // whole units: a 2× PNG puts every line on whole pixels
    y = Math.round(y) + block.height;
    if (i === blocks.length - 1) y += spare / gaps;
  });
  return { width: W, height: Math.max(COUPON_HEIGHT, Math.round(y + PAD)), lines, image: imageBox, qr, barcode };
}

const gap = (height: number): Block => ({ height, place: () => {} });

/** Blocks one under the other, as one block. */
function stack(parts: Block[]): Block {
  return {
    height: parts.reduce((sum, p) => sum + p.height, 0),
    place: (top) => {
      let y = top;
      for (const part of parts) {
        part.place(y);
        y += part.height;
      }
    },
  };
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
