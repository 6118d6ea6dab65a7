import type { Image, SKRSContext2D } from '@napi-rs/canvas';
import type { CouponData, CouponMark } from '../../coupons/coupon-layout';
import type { MonoRaster, PrinterProfile } from '../profile';
import { planCode128, planQr } from './codes';
import { newFlow, space, type Block, type Flow } from './flow';
import { receiptSizes, type ReceiptSizes } from './sizes';
import { fitSize, lineHeight, monoFont, sansFont, drawLine } from './text';

/**
 * A coupon for a receipt printer: the downloads' layout (coupons/coupon-layout.ts) laid out down a strip of paper
 * exactly `profile.dots` wide — shop name, title, description, picture, QR code, redeem code and its Code 128,
 * validity and voucher number. Text is drawn with the shipped fonts (registerCouponFonts must have run) and
 * thresholded, the picture dithered, the codes in whole dots. A right-to-left coupon (azb) puts its running text
 * at the right margin. A coupon with a mark (voided, redeemed, expired) prints the mark where the QR code would be,
 * its code struck through, and no QR code or barcode.
 */
export function drawReceipt(data: CouponData, picture: Image | null, profile: PrinterProfile): MonoRaster {
  const s = receiptSizes(profile);
  const flow = newFlow(profile.dots, s.margin);
  const dir = data.direction;
  flow.add(space(s.gap));
  if (data.shopName) flow.text(data.shopName.toLocaleUpperCase(), s.shop, { weight: 'bold', direction: dir, align: 'center', maxLines: 1 }).add(space(s.gap / 2));
  flow.text(data.title, s.title, { weight: 'bold', direction: dir, align: 'center', maxLines: 3 });
  if (data.description) flow.add(space(s.gap / 3)).text(data.description, s.text, { direction: dir, align: 'start', maxLines: 6 });
  if (picture && picture.width > 0 && picture.height > 0) flow.add(space(s.gap), pictureBlock(flow, picture, s));
  flow.add(space(s.gap));
  if (!data.mark) flow.add(qrBlock(flow, data.qrPayload, profile), space(s.gap / 2));
  if (data.redeemCode) {
    flow.text(data.codeLabel, s.small, { direction: dir, align: 'center', maxLines: 1 });
    flow.add(codeBlock(flow, data.redeemCode, s, data.mark !== null));
  }
  if (data.mark) flow.add(space(s.gap), markBlock(flow, data.mark, dir, s));
  else flow.add(space(s.gap / 2), barcodeBlock(flow, data.barcodePayload, profile, s.barcode));
  flow.add(space(s.gap));
  flow.text(data.validityText, s.text, { direction: dir, align: 'start', maxLines: 2 });
  flow.text(data.footer, s.footer, { direction: dir, align: 'start', maxLines: 1 });
  flow.add(space(s.gap * 1.5));
  return flow.render();
}

/** The picture, as large as fits the print width and its height limit, centred; dithered later. */
function pictureBlock(flow: Flow, picture: Image, s: ReceiptSizes): Block {
  const scale = Math.min(s.picture / picture.height, (flow.width - 2 * s.margin) / picture.width);
  const width = Math.max(1, Math.round(picture.width * scale));
  const height = Math.max(1, Math.round(picture.height * scale));
  const left = Math.round((flow.width - width) / 2);
  return {
    height,
    paint(ctx, top, photos) {
      ctx.imageSmoothingEnabled = true;
      ctx.imageSmoothingQuality = 'high';
      ctx.drawImage(picture, left, top, width, height);
      photos.push({ x: left, y: top, width, height });
    },
  };
}

export function qrBlock(flow: Flow, payload: string, profile: PrinterProfile): Block {
  const qr = planQr(payload, profile, flow.width);
  const left = Math.floor((flow.width - qr.side) / 2);
  return { height: qr.side, paint: (ctx, top) => qr.draw(ctx, left, top) };
}

export function barcodeBlock(flow: Flow, payload: string, profile: PrinterProfile, height: number): Block {
  const code = planCode128(payload, profile, flow.width);
  return { height, paint: (ctx, top) => code.draw(ctx, top, height) };
}

/** The redeem code in Noto Sans Mono, left to right whatever the language, shrunk to fit; struck through on a marked coupon. */
function codeBlock(flow: Flow, code: string, s: ReceiptSizes, struck: boolean): Block {
  const size = fitSize(flow.ctx, code, (n) => monoFont(n), s.code, Math.round(s.code / 2), flow.width - 2 * s.margin);
  return {
    height: lineHeight(size),
    paint(ctx, top) {
      drawLine(ctx, code, monoFont(size), size, 'ltr', 'center', top, s.margin, flow.width);
      if (!struck) return;
      ctx.font = monoFont(size);
      const half = ctx.measureText(code).width / 2 + size / 4;
      const y = top + Math.round(size * 0.8);
      ctx.fillRect(Math.round(flow.width / 2 - half), y, Math.round(2 * half), Math.max(3, Math.round(size / 10)));
    },
  };
}

/** The mark, in a double-ruled box: its word (VOID…) large, its dated line under it. */
function markBlock(flow: Flow, mark: CouponMark, dir: 'ltr' | 'rtl', s: ReceiptSizes): Block {
  const inner = flow.width - 2 * s.margin;
  const pad = Math.round(s.gap * 1.2);
  const wordSize = fitSize(flow.ctx, mark.word, (n) => sansFont(n, 'bold'), s.markWord, s.text, inner - 2 * pad);
  const dateSize = fitSize(flow.ctx, mark.date, (n) => sansFont(n), s.text, s.footer, inner - 2 * pad);
  flow.ctx.font = sansFont(wordSize, 'bold');
  const wordWidth = flow.ctx.measureText(mark.word).width;
  flow.ctx.font = sansFont(dateSize);
  const dateWidth = flow.ctx.measureText(mark.date).width;
  const boxWidth = Math.min(inner, Math.round(Math.max(wordWidth, dateWidth) + 2 * pad));
  const height = lineHeight(wordSize) + lineHeight(dateSize) + 2 * pad;
  return {
    height,
    paint(ctx: SKRSContext2D, top: number) {
      const left = Math.round((flow.width - boxWidth) / 2);
      const thick = Math.max(4, Math.round(s.gap / 4));
      ctx.fillStyle = '#000000';
      frame(ctx, left, top, boxWidth, height, thick);
      frame(ctx, left + thick * 2, top + thick * 2, boxWidth - thick * 4, height - thick * 4, Math.max(2, thick >> 1));
      drawLine(ctx, mark.word, sansFont(wordSize, 'bold'), wordSize, dir, 'center', top + pad, s.margin, flow.width);
      drawLine(ctx, mark.date, sansFont(dateSize), dateSize, dir, 'center', top + pad + lineHeight(wordSize), s.margin, flow.width);
    },
  };
}

function frame(ctx: SKRSContext2D, x: number, y: number, w: number, h: number, t: number): void {
  ctx.fillRect(x, y, w, t);
  ctx.fillRect(x, y + h - t, w, t);
  ctx.fillRect(x, y, t, h);
  ctx.fillRect(x + w - t, y, t, h);
}
