import { createHash } from 'node:crypto';
import type { PaperWidth, PrinterDots } from '../../../shared/schemas/printing';
import { dotsPerMm, printerProfile } from '../profile';

export interface SystemPageOptions {
  paperWidth: PaperWidth;
  dots: PrinterDots;
  /** The document's title (the OS print queue shows it) and each picture's alt text: a voucher's title, escaped. */
  title: string;
}

/** A page as printed: its PNG (one pixel per printer dot) and its size in pixels, read from the PNG itself. */
export interface SystemPage {
  png: Uint8Array;
  width: number;
  height: number;
}

/** Text for HTML text and attribute values: the five characters that could end either are replaced. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** A PNG's size from its IHDR chunk; anything that is not a PNG is refused (only our own rasters come here). */
export function pngPage(png: Uint8Array): SystemPage {
  if (png.length < 24 || PNG_SIGNATURE.some((b, i) => png[i] !== b)) throw new Error('A system printer page must be a PNG');
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  return { png, width: view.getUint32(16), height: view.getUint32(20) };
}

const mm = (value: number) => `${Math.round(value * 100) / 100}mm`;

/** One page's size in millimetres: the paper's width, the raster's height at the printer's resolution. */
export function pageSizeMm(page: SystemPage, options: Pick<SystemPageOptions, 'paperWidth' | 'dots'>): { width: number; height: number } {
  const dpm = dotsPerMm(printerProfile(options.paperWidth, options.dots, 'esc-pos'));
  return { width: options.paperWidth, height: Math.max(10, page.height / dpm) };
}

/**
 * The HTML document a printer installed in the OS prints: each coupon one `<img>` of its raster (a data URL built
 * here from our own PNG bytes), the raster's dots at the printer's resolution (576 dots = 72 mm at 203 dpi), centred
 * on a page of the paper's width and the coupon's height with no margin (`@page`, a named page per coupon), drawn
 * `image-rendering: pixelated` so no dot is blurred. No script; a Content-Security-Policy that allows only data:
 * images and this one style sheet (by its hash); the title and alt texts escaped, so a voucher titled
 * `<img src=x onerror=alert(1)>` prints as those characters.
 */
export function systemPrintHtml(pngs: readonly Uint8Array[], options: SystemPageOptions): string {
  const pages = pngs.map(pngPage);
  const dpm = dotsPerMm(printerProfile(options.paperWidth, options.dots, 'esc-pos'));
  const first = pages[0] ? pageSizeMm(pages[0], options) : { width: options.paperWidth, height: 10 };
  const rules = [
    `@page { size: ${mm(first.width)} ${mm(first.height)}; margin: 0 }`,
    'html, body { margin: 0; padding: 0; background: #ffffff }',
    `body { width: ${mm(options.paperWidth)} }`,
    '.page { display: flex; justify-content: center; align-items: flex-start; overflow: hidden; break-after: page }',
    '.page:last-child { break-after: auto }',
    'img { display: block; image-rendering: pixelated; image-rendering: crisp-edges }',
    ...pages.map((page, i) => {
      const size = pageSizeMm(page, options);
      return [
        `@page p${i} { size: ${mm(size.width)} ${mm(size.height)}; margin: 0 }`,
        `.p${i} { page: p${i}; width: ${mm(size.width)}; height: ${mm(size.height)} }`,
        `.p${i} img { width: ${mm(page.width / dpm)}; height: ${mm(page.height / dpm)} }`,
      ].join('\n');
    }),
  ].join('\n');
  const styleHash = createHash('sha256').update(rules, 'utf8').digest('base64');
  const csp = `default-src 'none'; img-src data:; style-src 'sha256-${styleHash}'; base-uri 'none'; form-action 'none'`;
  const alt = escapeHtml(options.title);
  const body = pages
    .map((page, i) => `<div class="page p${i}"><img src="data:image/png;base64,${Buffer.from(page.png).toString('base64')}" alt="${alt}" width="${page.width}" height="${page.height}"></div>`)
    .join('\n');
  return [
    '<!doctype html>',
    '<html><head><meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${csp}">`,
    `<title>${escapeHtml(options.title)}</title>`,
    `<style>${rules}</style>`,
    '</head><body>',
    body,
    '</body></html>',
  ].join('\n');
}
