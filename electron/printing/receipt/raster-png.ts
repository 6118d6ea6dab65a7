import type { MonoRaster } from '../profile';

/** The raster as a greyscale PNG, one pixel per printer dot: the preview shows exactly what the printer gets. */
export async function rasterToPng(raster: MonoRaster): Promise<Buffer> {
  const { default: sharp } = await import('sharp');
  const { width, height, bits } = raster;
  const stride = width >> 3;
  const pixels = Buffer.alloc(width * height, 255);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if ((bits[y * stride + (x >> 3)]! >> (7 - (x & 7))) & 1) pixels[y * width + x] = 0;
    }
  }
  return sharp(pixels, { raw: { width, height, channels: 1 } }).png({ compressionLevel: 6 }).toBuffer();
}
