import { dotsPerMm, type PrinterProfile } from '../profile';

/**
 * Type and block sizes of a receipt in millimetres, per paper: chosen for legibility at 203 dpi (in dots: shop name
 * 24/26, title 36/40, text 26/28, code 36/40 on 58/80 mm), and kept in millimetres on a 180 dpi printer so a
 * coupon looks the same on a TM-T88.
 */
const MM = {
  58: { margin: 1, shop: 3, title: 4.5, text: 3.25, small: 2.75, code: 4.5, footer: 2.5, gap: 2.5, picture: 22, barcode: 10, markWord: 6.5 },
  80: { margin: 1.5, shop: 3.25, title: 5, text: 3.5, small: 3, code: 5, footer: 2.75, gap: 3, picture: 28, barcode: 12, markWord: 8 },
} as const;

export type ReceiptSizes = { [K in keyof (typeof MM)[58]]: number };

/** The sizes for a profile, in whole dots. */
export function receiptSizes(profile: PrinterProfile): ReceiptSizes {
  const dpm = dotsPerMm(profile);
  const mm = MM[profile.paperWidth];
  return Object.fromEntries(Object.entries(mm).map(([k, v]) => [k, Math.round(v * dpm)])) as ReceiptSizes;
}
