import type { PaperWidth, PrinterDots } from '../../../shared/schemas/printing';

/**
 * Prints pages on a printer installed in the OS (the Electron host gives one; the browser host has none and
 * prints through the browser's own dialog). Each page is one coupon as a PNG, one pixel per printer dot.
 */
export interface SystemPrinter {
  print(pngs: Buffer[], options: { systemName: string | null; paperWidth: PaperWidth; dots: PrinterDots; title: string }): Promise<void>;
}
