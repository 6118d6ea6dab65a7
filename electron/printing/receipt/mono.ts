import type { MonoRaster } from '../profile';

/** A box of the raster, in dots. */
export interface DotBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * Text and lines go dark where the anti-aliased ink covers a little more than half a dot: strokes keep their drawn
 * weight, and the small marks of Thai and Gujarati stay on paper.
 */
const TEXT_THRESHOLD = 150;

/** Luminance of an RGBA pixel, 0 (black) to 255 (white), on white paper. */
function luminance(data: Uint8ClampedArray, i: number): number {
  const alpha = data[i + 3]! / 255;
  const lum = 0.299 * data[i]! + 0.587 * data[i + 1]! + 0.114 * data[i + 2]!;
  return lum * alpha + 255 * (1 - alpha);
}

/**
 * Turns the first `height` rows of an RGBA canvas (`width` dots wide, a multiple of 8) into a 1-bit raster: every
 * dot thresholded (text, lines and codes: no grey, no blur), except inside `photos`, which are dithered with
 * Atkinson's error diffusion so a photo keeps its tones as a dot pattern.
 */
export function toMonoRaster(data: Uint8ClampedArray, width: number, height: number, photos: readonly DotBox[] = []): MonoRaster {
  const stride = width >> 3;
  const bits = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++) {
    const row = y * width * 4;
    for (let x = 0; x < width; x++) {
      if (luminance(data, row + x * 4) < TEXT_THRESHOLD) bits[y * stride + (x >> 3)]! |= 0x80 >> (x & 7);
    }
  }
  for (const box of photos) ditherBox(data, width, height, box, bits);
  return { width, height, bits };
}

/** Atkinson dithering of one box: 6/8 of the error spread to six neighbours, which keeps highlights clean on thermal paper. */
function ditherBox(data: Uint8ClampedArray, width: number, height: number, box: DotBox, bits: Uint8Array): void {
  const x0 = Math.max(0, Math.floor(box.x));
  const y0 = Math.max(0, Math.floor(box.y));
  const x1 = Math.min(width, Math.ceil(box.x + box.width));
  const y1 = Math.min(height, Math.ceil(box.y + box.height));
  const w = x1 - x0;
  const h = y1 - y0;
  if (w <= 0 || h <= 0) return;
  const grey = new Float32Array(w * h);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) grey[y * w + x] = luminance(data, ((y0 + y) * width + x0 + x) * 4);
  const stride = width >> 3;
  const spread = (x: number, y: number, error: number) => {
    if (x >= 0 && x < w && y < h) grey[y * w + x]! += error;
  };
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const old = grey[y * w + x]!;
      const black = old < 128;
      const error = (old - (black ? 0 : 255)) / 8;
      const at = (y0 + y) * stride + ((x0 + x) >> 3);
      const mask = 0x80 >> ((x0 + x) & 7);
      bits[at] = black ? bits[at]! | mask : bits[at]! & ~mask;
      spread(x + 1, y, error);
      spread(x + 2, y, error);
      spread(x - 1, y + 1, error);
      spread(x, y + 1, error);
      spread(x + 1, y + 1, error);
      spread(x, y + 2, error);
    }
  }
}
