import { DEFAULT_DOTS, dpiOf, type PaperWidth, type PrinterDots, type PrinterLanguage } from '../../shared/schemas/printing';

/**
 * What the drawing and the encoding need to know of a printer: the paper, the printable dots across it, its
 * resolution, and its command language. Width belongs to the profile, not to the paper: an 80 mm TM-T88 prints
 * 512 dots at 180 dpi, a TM-T20 576 at 203.
 */
export interface PrinterProfile {
  paperWidth: PaperWidth;
  dots: PrinterDots;
  /** Dots per inch: 180 for the 512-dot TM-T88 class, else 203 (420 dots are a newer TM-T88's 52.5 mm at 203 dpi). */
  dpi: 180 | 203;
  language: PrinterLanguage;
}

export function printerProfile(paperWidth: PaperWidth, dots: PrinterDots | null | undefined, language: PrinterLanguage): PrinterProfile {
  const width = dots ?? DEFAULT_DOTS[paperWidth];
  return { paperWidth, dots: width, dpi: dpiOf(width), language };
}

/** Dots per millimetre of a profile (8 at 203 dpi, about 7.09 at 180). */
export function dotsPerMm(profile: Pick<PrinterProfile, 'dpi'>): number {
  return profile.dpi / 25.4;
}

/**
 * A 1-bit picture as a receipt printer takes it: `width` dots across (a multiple of 8), `height` rows, rows
 * packed 8 dots to a byte, most significant bit first, 1 = black (burnt) dot.
 */
export interface MonoRaster {
  width: number;
  height: number;
  bits: Uint8Array;
}
