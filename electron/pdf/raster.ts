/** A rectangle of canvas pixels. */
export interface PixelRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Pixels as a PDF image takes them: 8-bit grey, or RGB when any pixel has a colour. */
export interface PagePixels {
  channels: 1 | 3;
  pixels: Buffer;
}

/** RGBA (opaque, as a canvas hands it back) as grey when every pixel is neutral, else as RGB. */
export function pagePixels(rgba: Uint8ClampedArray, width: number, height: number): PagePixels {
  const { gray, coloured } = splitColour(rgba, width, height, [{ x: 0, y: 0, width, height }]);
  return coloured.length === 0 ? { channels: 1, pixels: gray! } : { channels: 3, pixels: coloured[0]!.rgb };
}

export interface ColourSplit {
  /** The page in grey, the coloured regions left white; null when colour lies outside every region. */
  gray: Buffer | null;
  /** The regions holding any colour, cut out as RGB (the whole page when `gray` is null). */
  coloured: Array<{ rect: PixelRect; rgb: Buffer }>;
}

/**
 * Splits a page's RGBA into what a PDF stores smallest and still faithfully: the page as one byte per pixel (text,
 * lines and greys) and, only for the regions (coupons) that hold colour (a picture, a red mark), an RGB cut-out
 * to lay over it. One 32-bit read per pixel; a pixel is neutral when its red, green and blue are equal, which
 * black, white and grey text anti-aliased on white always are.
 */
export function splitColour(rgba: Uint8ClampedArray, width: number, height: number, regions: readonly PixelRect[]): ColourSplit {
  const count = width * height;
  const pixels = new Uint32Array(rgba.buffer, rgba.byteOffset, count);
  const gray = Buffer.allocUnsafe(count);
  // the common page, all greys, in one tight loop: little-endian RGBA has red in the low byte, and one comparison
  // tells red = green and green = blue
  let i = 0;
  for (; i < count; i++) {
    const v = pixels[i]!;
    if (((v ^ (v >>> 8)) & 0xffff) !== 0) break;
    gray[i] = v & 255;
  }
  if (i === count) return { gray, coloured: [] };
  return withColour(pixels, gray, i, width, height, regions);
}

/** The rest of a page from its first coloured pixel: which regions hold colour, and their RGB cut-outs. */
function withColour(pixels: Uint32Array, gray: Buffer, from: number, width: number, height: number, regions: readonly PixelRect[]): ColourSplit {
  const found = new Set<number>();
  let last = -1;
  let stray = false;
  for (let i = from; i < pixels.length; i++) {
    const v = pixels[i]!;
    if (((v ^ (v >>> 8)) & 0xffff) === 0) {
      gray[i] = v & 255;
      continue;
    }
    gray[i] = ((v & 255) * 77 + ((v >>> 8) & 255) * 150 + ((v >>> 16) & 255) * 29) >> 8;
    const x = i % width;
    const y = (i - x) / width;
    if (last >= 0 && inside(regions[last]!, x, y)) continue;
    last = regions.findIndex((rect) => inside(rect, x, y));
    if (last < 0) stray = true;
    else found.add(last);
  }
  if (stray) return { gray: null, coloured: [{ rect: { x: 0, y: 0, width, height }, rgb: crop(pixels, width, { x: 0, y: 0, width, height }) }] };
  const coloured = [...found].sort((a, b) => a - b).map((k) => {
    const rect = clampRect(regions[k]!, width, height);
    for (let y = rect.y; y < rect.y + rect.height; y++) gray.fill(255, y * width + rect.x, y * width + rect.x + rect.width);
    return { rect, rgb: crop(pixels, width, rect) };
  });
  return { gray, coloured };
}

const inside = (rect: PixelRect, x: number, y: number) => x >= rect.x && y >= rect.y && x < rect.x + rect.width && y < rect.y + rect.height;

/** The part of a rectangle inside a width × height canvas. */
export function clampRect(rect: PixelRect, width: number, height: number): PixelRect {
  const x = Math.max(0, rect.x);
  const y = Math.max(0, rect.y);
  return { x, y, width: Math.min(width, rect.x + rect.width) - x, height: Math.min(height, rect.y + rect.height) - y };
}

function crop(pixels: Uint32Array, width: number, rect: PixelRect): Buffer {
  const rgb = Buffer.allocUnsafe(rect.width * rect.height * 3);
  let o = 0;
  for (let y = rect.y; y < rect.y + rect.height; y++) {
    for (let i = y * width + rect.x, end = i + rect.width; i < end; i++, o += 3) {
      const v = pixels[i]!;
      rgb[o] = v & 255;
      rgb[o + 1] = (v >>> 8) & 255;
      rgb[o + 2] = (v >>> 16) & 255;
    }
  }
  return rgb;
}
