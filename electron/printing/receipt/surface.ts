import { createCanvas, type Canvas, type SKRSContext2D } from '@napi-rs/canvas';
import type { MonoRaster } from '../profile';
import { toMonoRaster, type DotBox } from './mono';

/**
 * One canvas per raster width, reused for every receipt of that width: @napi-rs/canvas frees a canvas's pixels only
 * between turns of the event loop, so a batch drawn on fresh canvases would hold all of them at once (DESIGN.md §5).
 * It grows when a receipt is taller than any before, and never shrinks.
 */
const surfaces = new Map<number, { canvas: Canvas; ctx: SKRSContext2D }>();

/** A white drawing surface `width` dots wide with at least `height` rows; only the first `height` rows are cleared. */
export function receiptSurface(width: number, height: number): SKRSContext2D {
  let surface = surfaces.get(width);
  if (!surface || surface.canvas.height < height) {
    const canvas = createCanvas(width, Math.max(height, Math.ceil((surface?.canvas.height ?? 0) * 1.25), 1200));
    surface = { canvas, ctx: canvas.getContext('2d') };
    surfaces.set(width, surface);
  }
  const { ctx } = surface;
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.globalAlpha = 1;
  ctx.filter = 'none';
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, width, height);
  return ctx;
}

/** The first `height` rows of the surface as a 1-bit raster (photos dithered, everything else thresholded). */
export function surfaceToRaster(ctx: SKRSContext2D, width: number, height: number, photos: readonly DotBox[]): MonoRaster {
  const { data } = ctx.getImageData(0, 0, width, height);
  return toMonoRaster(data, width, height, photos);
}
