import { pngFile } from '../../images/png-encoder';
import type { MonoRaster } from '../profile';

/**
 * A 1-bit raster as a 1-bit greyscale PNG, one pixel per dot, made here with zlib alone (the host process loads no
 * image library). PNG's 1-bit grey is 1 = white, the raster's 1 = black, so the bits are inverted.
 */
export function monoPng(raster: MonoRaster): Buffer {
  const stride = raster.width >> 3;
  const rows = Buffer.alloc((stride + 1) * raster.height);
  for (let y = 0; y < raster.height; y++) {
    rows[y * (stride + 1)] = 0; // filter: none
    for (let x = 0; x < stride; x++) rows[y * (stride + 1) + 1 + x] = ~raster.bits[y * stride + x]! & 0xff;
  }
  return pngFile({ width: raster.width, height: raster.height, bitDepth: 1, colourType: 0 }, rows);
}
