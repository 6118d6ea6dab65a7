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

export interface Code128Bars {
  /** Width of the whole symbol in modules, quiet zones included. */
  modules: number;
  /** The dark bars: start and width in modules, counted from the left edge of the quiet zone. */
  bars: Array<{ x: number; width: number }>;
}

/**
 * Code 128 of `text` as bars in module units, quiet zones included (bwip-js encodes; the drawing is ours,
 * so every output has the same white background and quiet zone).
 */
export function code128Bars(text: string): Code128Bars {
  const [symbol] = bwipjs.raw('code128', text, '') as Array<{ sbs: number[] }>;
  if (!symbol) throw new Error('Code 128 encoding failed');
  const bars: Code128Bars['bars'] = [];
  let x = CODE128_QUIET;
  symbol.sbs.forEach((width, i) => {
    if (i % 2 === 0) bars.push({ x, width }); // bar, space, bar, …
    x += width;
  });
  return { modules: x + CODE128_QUIET, bars };
}
