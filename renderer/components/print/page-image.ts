import { printedMm } from '../../../shared/schemas/printing';

/** A page of print.pages as an image address: a PNG data URL, whether the core sent it bare (base64) or as a data URL. */
export function pageImageUrl(page: string): string {
  if (page.startsWith('data:image/png;base64,')) return page;
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(page)) throw new Error('A print page is not a PNG.');
  return `data:image/png;base64,${page}`;
}

/**
 * The @page rule of a browser print: the paper's width, the tallest page's length at the printer's resolution
 * (576 dots across = 72 mm, so 800 rows = 100 mm), no margins.
 */
export function pageRule(paperWidth: number, dots: number, heightsInDots: readonly number[]): string {
  const tallest = Math.max(1, ...heightsInDots);
  const lengthMm = Math.ceil(printedMm(tallest, dots));
  return `@page { size: ${paperWidth}mm ${lengthMm}mm; margin: 0 }`;
}
