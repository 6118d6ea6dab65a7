import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createCanvas, GlobalFonts } from '@napi-rs/canvas';
import type { Page } from './page';

const FONT_FAMILY = 'Virtual Printer Mono';
let fontReady = false;

/** The printer's own font: the shipped Noto Sans Mono (a fixed pitch like font A), else the system monospace. */
function ensureFont(): string {
  if (!fontReady) {
    fontReady = true;
    const here = path.dirname(fileURLToPath(import.meta.url));
    const fonts = path.resolve(here, '../../../resources/fonts');
    GlobalFonts.registerFromPath(path.join(fonts, 'NotoSansMono-Regular.woff2'), FONT_FAMILY);
    GlobalFonts.registerFromPath(path.join(fonts, 'NotoSansMono-Bold.woff2'), FONT_FAMILY);
  }
  return `"${FONT_FAMILY}", monospace`;
}

/** Paper width in pixels at 8 dots/mm: 58 mm → 464, 80 mm → 640. */
export function paperPixels(paper: 58 | 80): number {
  return paper * 8;
}

/**
 * The page as a PNG of the whole paper width: the printable dots centred, white margins outside (like real paper),
 * burnt dots black, text drawn in a fixed-pitch font in its cells.
 */
export async function renderPage(page: Page, paper: 58 | 80): Promise<{ png: Buffer; width: number; height: number }> {
  const width = Math.max(paperPixels(paper), page.width);
  const height = Math.max(8, page.height);
  const margin = Math.floor((width - page.width) / 2);
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext('2d');
  const image = ctx.createImageData(width, height);
  image.data.fill(255);
  const dots = page.dots();
  for (let y = 0; y < page.height; y++) {
    const row = y * page.width;
    for (let x = 0; x < page.width; x++) {
      if (!dots[row + x]) continue;
      const o = (y * width + margin + x) * 4;
      image.data[o] = image.data[o + 1] = image.data[o + 2] = 0;
    }
  }
  ctx.putImageData(image, 0, 0);
  const family = ensureFont();
  ctx.fillStyle = '#000';
  ctx.textBaseline = 'alphabetic';
  for (const t of page.texts) {
    if (t.ch === ' ') continue;
    const size = Math.round(t.height * 0.8);
    ctx.font = `${t.bold ? 'bold ' : ''}${size}px ${family}`;
    ctx.save();
    ctx.beginPath();
    ctx.rect(margin, 0, page.width, height);
    ctx.clip();
    const measured = ctx.measureText(t.ch).width;
    const scaleX = measured > 0 ? Math.min(2.5, t.width / measured) : 1;
    ctx.translate(margin + t.x, t.y + Math.round(t.height * 0.8));
    ctx.scale(scaleX, 1);
    ctx.fillText(t.ch, 0, 0);
    ctx.restore();
  }
  return { png: await canvas.encode('png'), width, height };
}
