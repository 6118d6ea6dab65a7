import type { SKRSContext2D } from '@napi-rs/canvas';
import { CODE128_QUIET, QR_QUIET, code128Bars, qrMatrix } from '../../barcodes/symbols';
import { paintQrModules } from '../../coupons/paint';
import { dotsPerMm, type PrinterProfile } from '../profile';

/**
 * The codes of a receipt, drawn in whole printer dots: each module is an exact number of dots, every edge on a dot
 * boundary, so thresholding leaves them as sharp as a printer's own QR command would be.
 */

/** The QR code's side, quiet zone included, that we aim for on each paper (mm). */
const QR_SIDE_MM = { 58: 24, 80: 28 } as const;
/** A QR module of at least 0.5 mm (4 dots at 203 dpi, 4 at 180) while it fits: phones read it from arm's length. */
const QR_MODULE_MIN_MM = 0.5;

export interface PlacedQr {
  module: number;
  /** Side in dots, quiet zone included. */
  side: number;
  draw(ctx: SKRSContext2D, left: number, top: number): void;
}

/** The QR code of `payload` for a profile, at most `maxWidth` dots across. */
export function planQr(payload: string, profile: PrinterProfile, maxWidth: number): PlacedQr {
  const m = qrMatrix(payload);
  const total = m.size + 2 * QR_QUIET;
  const dpm = dotsPerMm(profile);
  const wanted = Math.max(Math.ceil(QR_MODULE_MIN_MM * dpm - 0.05), Math.floor((QR_SIDE_MM[profile.paperWidth] * dpm) / total));
  const module = Math.max(1, Math.min(wanted, Math.floor(maxWidth / total)));
  return {
    module,
    side: module * total,
    draw: (ctx, left, top) => paintQrModules(ctx, m, left, top, module),
  };
}

export interface PlacedBarcode {
  module: number;
  /** Where the first bar starts, from the raster's left edge. */
  barsLeft: number;
  /** Width of the bars alone (no quiet zone). */
  barsWidth: number;
  /** The quiet zone left inside the printable width on each side, in modules. */
  quietModules: number;
  draw(ctx: SKRSContext2D, top: number, height: number): void;
}

/** Never less than this many modules of quiet zone inside the printable width, even when the rest lies in the paper's margin. */
const MIN_INNER_QUIET = 5;

/**
 * Code 128 of `payload` across the raster (`width` dots), centred, with the widest module that fits with its full
 * quiet zone (10 modules a side) inside the printable width. One exception (the documented one): when
 * only a 1-dot module (0.125 mm) would fit that way — a 13-character redeem code on 58 mm paper (384 dots) — and a
 * 2-dot module fits with at least 5 modules of quiet zone inside, the 2-dot module is used; the quiet zone then goes
 * on into the paper's unprinted margin (5 mm on each side of a 48 mm print area), which is white paper too. Thin
 * 1-dot bars blur on thermal paper and many scanners miss them; a scanner never sees where the print area ends.
 */
export function planCode128(payload: string, profile: PrinterProfile, width: number): PlacedBarcode {
  const { modules, bars } = code128Bars(payload);
  const barModules = modules - 2 * CODE128_QUIET;
  let module = Math.max(1, Math.floor(width / modules));
  const marginDots = ((profile.paperWidth - width / dotsPerMm(profile)) / 2) * dotsPerMm(profile);
  if (module < 2 && barModules * 2 + 2 * 2 * MIN_INNER_QUIET <= width && marginDots + (width - barModules * 2) / 2 >= 2 * 2 * CODE128_QUIET) module = 2;
  const barsWidth = barModules * module;
  const barsLeft = Math.floor((width - barsWidth) / 2);
  return {
    module,
    barsLeft,
    barsWidth,
    quietModules: Math.min(CODE128_QUIET, Math.floor(barsLeft / module)),
    draw(ctx, top, height) {
      ctx.fillStyle = '#000000';
      for (const bar of bars) ctx.fillRect(barsLeft + (bar.x - CODE128_QUIET) * module, top, bar.width * module, height);
    },
  };
}
