import type { PrinterLanguage } from '../../../shared/schemas/printing';

/** The catalogue key of each command language's name. */
export const LANGUAGE_KEYS: Record<PrinterLanguage, string> = {
  'esc-pos': 'printers.language.escPos',
  'star-prnt': 'printers.language.starPrnt',
  'star-line': 'printers.language.starLine',
};
