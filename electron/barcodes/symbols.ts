import bwipjs from 'bwip-js/node';
import QRCode from 'qrcode';

/** Quiet zones: 4 modules around a QR code, 10 modules either side of a Code 128 symbol. */
export const QR_QUIET = 4;
export const CODE128_QUIET = 10;

export interface QrMatrix {
  size: number;
  dark(x: number, y: number): boolean;
}

/** The QR code of `text` (error correction M), as a module matrix. */
export function qrMatrix(text: string): QrMatrix {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  return { size: modules.size, dark: (x, y) => modules.data[y * modules.size + x] === 1 };
}

/**
 * Code 128 of `text` as module widths, bar first then space, alternating (bwip-js encodes; the
 * drawing is ours, so every output has the same white background and quiet zone).
 */
export function code128Widths(text: string): number[] {
  const [symbol] = bwipjs.raw('code128', text, '') as Array<{ sbs: number[] }>;
  if (!symbol) throw new Error('Code 128 encoding failed');
  return symbol.sbs;
}

export function code128Modules(widths: readonly number[]): number {
  return widths.reduce((sum, w) => sum + w, 0);
}
