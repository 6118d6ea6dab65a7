import ReceiptPrinterEncoder from '@point-of-sale/receipt-printer-encoder';
import type { MonoRaster, PrinterProfile } from '../profile';

/**
 * ESC/POS raster bands: GS v 0 takes up to 65,535 rows, but some firmware reads only the low byte of the count
 * and prints the rest as text (the encoder's issue #16), so no band is taller than 255 rows; 248 keeps each band a
 * whole number of 8-row bytes high.
 */
export const ESC_POS_BAND_ROWS = 248;

export interface EncodeOptions {
  /** Feed the paper past the cutter and cut (a full cut) after the raster. */
  cut: boolean;
}

/**
 * The bytes a receipt printer gets for one raster, built by @point-of-sale/receipt-printer-encoder for the profile's
 * command language: initialize (ESC @), the raster as images (ESC/POS: GS v 0 in bands of at most 248 rows; StarPRNT
 * and Star Line: ESC X 24-dot strips), feed, cut. No text goes through the encoder: no code page is selected and no
 * character byte is sent, so nothing can turn into `?`. Errors are strict, so an unsupported command throws instead
 * of silently sending nothing.
 */
export function encodeReceipt(raster: MonoRaster, profile: PrinterProfile, options: EncodeOptions): Uint8Array {
  if (raster.width !== profile.dots) throw new Error(`A ${raster.width}-dot raster cannot go to a ${profile.dots}-dot printer`);
  const encoder = new ReceiptPrinterEncoder({
    language: profile.language,
    columns: profile.paperWidth === 58 ? 32 : 48,
    imageMode: 'raster',
    feedBeforeCut: options.cut ? (profile.language === 'esc-pos' ? 4 : 3) : 0,
    feedAfterBlock: false,
    errors: 'strict',
    newline: profile.language === 'esc-pos' ? '\n' : '\n\r',
  });
  encoder.initialize();
  // Star: the encoder cuts one image into ESC X strips of 24 rows itself, with no line spacing commands between them
  const band = profile.language === 'esc-pos' ? ESC_POS_BAND_ROWS : raster.height;
  for (let top = 0; top < raster.height; top += band) {
    const rows = Math.min(band, raster.height - top);
    encoder.image(bandImage(raster, top, rows), raster.width, rows, 'threshold', 128);
  }
  if (options.cut) encoder.cut('full');
  return encoder.encode();
}

/**
 * Rows `top`..`top + rows` as an ImageData-like plain object (RGBA, black or white): the encoder reads a plain
 * `{ width, height, data }` itself. A @napi-rs canvas would be mistaken for a browser element (see
 * research/printing-anchors.md).
 */
function bandImage(raster: MonoRaster, top: number, rows: number): { width: number; height: number; data: Uint8ClampedArray } {
  const { width, bits } = raster;
  const stride = width >> 3;
  const data = new Uint8ClampedArray(width * rows * 4).fill(255);
  for (let y = 0; y < rows; y++) {
    for (let x = 0; x < width; x++) {
      if ((bits[(top + y) * stride + (x >> 3)]! >> (7 - (x & 7))) & 1) {
        const i = (y * width + x) * 4;
        data[i] = data[i + 1] = data[i + 2] = 0;
      }
    }
  }
  return { width, height: rows, data };
}
