import zlib from 'node:zlib';
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
  const header = Buffer.alloc(13);
  header.writeUInt32BE(raster.width, 0);
  header.writeUInt32BE(raster.height, 4);
  header[8] = 1; // bit depth
  header[9] = 0; // greyscale
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(zlib.crc32(body) >>> 0);
  return Buffer.concat([length, body, crc]);
}
