/** A page's pixels as a PDF image takes them: 8-bit grey, or RGB when any pixel has a colour. */
export interface PagePixels {
  channels: 1 | 3;
  pixels: Buffer;
}

/**
 * RGBA (as a canvas hands it back, opaque) to the smallest faithful PDF raster: a page of black, white and greys
 * (text, lines) becomes one byte per pixel; a page with any colour (a picture, a red mark) keeps its colours as
 * RGB. Grey is tried first, one 32-bit read per pixel, and abandoned at the first coloured pixel.
 */
export function pagePixels(rgba: Uint8ClampedArray): PagePixels {
  const count = rgba.length >> 2;
  const pixels = new Uint32Array(rgba.buffer, rgba.byteOffset, count);
  const gray = Buffer.allocUnsafe(count);
  for (let i = 0; i < count; i++) {
    const v = pixels[i]!;
    const r = v & 255;
    if (r !== ((v >>> 8) & 255) || r !== ((v >>> 16) & 255)) return { channels: 3, pixels: toRgb(pixels) };
    gray[i] = r;
  }
  return { channels: 1, pixels: gray };
}

function toRgb(pixels: Uint32Array): Buffer {
  const rgb = Buffer.allocUnsafe(pixels.length * 3);
  for (let i = 0, o = 0; i < pixels.length; i++, o += 3) {
    const v = pixels[i]!;
    rgb[o] = v & 255;
    rgb[o + 1] = (v >>> 8) & 255;
    rgb[o + 2] = (v >>> 16) & 255;
  }
  return rgb;
}
