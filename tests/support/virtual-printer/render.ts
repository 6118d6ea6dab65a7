import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createCanvas, GlobalFonts } from '@napi-rs/canvas';
import type { DotImage, Page, PlacedText } from './page';
import { encodeMonoPng } from './png';

const FONT_FAMILY = 'Virtual Printer Mono';
let fontReady = false;

/** The printer's own font: the shipped Noto Sans Mono (a fixed pitch like font A), else the system monospace. */
function fontFamily(): string {
  if (!fontReady) {
    fontReady = true;
    const here = path.dirname(fileURLToPath(import.meta.url));
    const fonts = path.resolve(here, '../../../resources/fonts');
    GlobalFonts.registerFromPath(path.join(fonts, 'NotoSansMono-Regular.woff2'), FONT_FAMILY);
    GlobalFonts.registerFromPath(path.join(fonts, 'NotoSansMono-Bold.woff2'), FONT_FAMILY);
  }
  return `"${FONT_FAMILY}", monospace`;
}

const glyphs = new Map<string, DotImage>();

/** A character in its cell as 1-bit dots (drawn once per character, size and weight, then reused). */
function glyph(t: PlacedText): DotImage {
  const key = `${t.ch}\u0000${t.width}\u0000${t.height}\u0000${t.bold ? 1 : 0}`;
  const cached = glyphs.get(key);
  if (cached) return cached;
  const canvas = createCanvas(t.width, t.height);
  const ctx = canvas.getContext('2d');
  ctx.font = `${t.bold ? 'bold ' : ''}${Math.round(t.height * 0.8)}px ${fontFamily()}`;
  ctx.fillStyle = '#000';
  const measured = ctx.measureText(t.ch).width;
  ctx.scale(measured > 0 ? Math.min(2.5, t.width / measured) : 1, 1);
  ctx.fillText(t.ch, 0, Math.round(t.height * 0.8));
  const { data } = ctx.getImageData(0, 0, t.width, t.height);
  const dots = new Uint8Array(t.width * t.height);
  for (let i = 0; i < dots.length; i++) dots[i] = data[i * 4 + 3]! >= 112 ? 1 : 0;
  const image = { width: t.width, height: t.height, dots };
  glyphs.set(key, image);
  return image;
}

/** Paper width in pixels at 8 dots/mm: 58 mm → 464, 80 mm → 640. */
export function paperPixels(paper: 58 | 80): number {
  return paper * 8;
}

/**
 * The page as a 1-bit PNG of the whole paper width: the printable dots centred, white margins outside (like real
 * paper), text burnt in as a thermal head would, in a fixed-pitch font in its cells.
 */
export function renderPage(page: Page, paper: 58 | 80): { png: Buffer; width: number; height: number } {
  const width = Math.max(paperPixels(paper), page.width);
  const height = Math.max(8, page.height);
  const margin = Math.floor((width - page.width) / 2);
  const paperDots = new Uint8Array(width * height);
  const dots = page.dots();
  for (let y = 0; y < page.height; y++) paperDots.set(dots.subarray(y * page.width, (y + 1) * page.width), y * width + margin);
  for (const t of page.texts) {
    if (t.ch === ' ') continue;
    const g = glyph(t);
    for (let y = 0; y < g.height && t.y + y < height; y++) {
      for (let x = 0; x < g.width; x++) {
        const px = t.x + x;
        if (g.dots[y * g.width + x] && px >= 0 && px < page.width) paperDots[(t.y + y) * width + margin + px] = 1;
      }
    }
  }
  return { png: encodeMonoPng(width, height, paperDots), width, height };
}
