import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import sharp from 'sharp';

/** A small photo-like test picture (gradient with a red square), as raw RGB. */
export async function testPicture(width = 64, height = 48) {
  return sharp({ create: { width, height, channels: 3, background: { r: 40, g: 120, b: 200 } } })
    .composite([{ input: { create: { width: 16, height: 16, channels: 3, background: { r: 220, g: 30, b: 30 } } }, left: 8, top: 8 }]);
}

export async function pngBytes(): Promise<Buffer> {
  return (await testPicture()).png().toBuffer();
}

/** A JPEG carrying EXIF with a GPS position and a camera model. */
export async function jpegWithGps(): Promise<Buffer> {
  return (await testPicture())
    .jpeg()
    .withExif({ IFD0: { Make: 'SpyCam', Model: 'Tracker 3000' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '13/1 45/1 0/1' } })
    .toBuffer();
}

export async function webpBytes(): Promise<Buffer> {
  return (await testPicture()).webp().toBuffer();
}

export async function avifBytes(): Promise<Buffer> {
  return (await testPicture()).avif().toBuffer();
}

/** A HEIC made by heif-enc (Debian libheif-examples) from a PNG. */
export async function heicBytes(): Promise<Buffer> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stampdesk-heic-'));
  try {
    fs.writeFileSync(path.join(dir, 'in.png'), await pngBytes());
    execFileSync('heif-enc', ['-q', '80', '-o', path.join(dir, 'out.heic'), path.join(dir, 'in.png')], { stdio: 'ignore' });
    return fs.readFileSync(path.join(dir, 'out.heic'));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** A valid, tiny PNG whose header claims 30,000 × 30,000 pixels of zeros: a decompression bomb. */
export function pngBomb(side = 30_000): Buffer {
  const crc = (buf: Buffer) => {
    const out = Buffer.alloc(4);
    out.writeUInt32BE(zlib.crc32(buf) >>> 0);
    return out;
  };
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    return Buffer.concat([length, body, crc(body)]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(side, 0);
  header.writeUInt32BE(side, 4);
  header[8] = 1; // 1-bit grey keeps the zeros tiny
  header[9] = 0;
  const raw = zlib.deflateSync(Buffer.alloc((Math.ceil(side / 8) + 1) * 200)); // only the first rows
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', raw), chunk('IEND', Buffer.alloc(0))]);
}

export const SAFE_SVG =
  '<?xml version="1.0"?><!-- logo --><svg xmlns="http://www.w3.org/2000/svg" width="120" height="80" viewBox="0 0 120 80">' +
  '<defs><linearGradient id="g"><stop offset="0" stop-color="#f80"/><stop offset="1" stop-color="#c30"/></linearGradient></defs>' +
  '<rect width="120" height="80" fill="url(#g)"/><text x="10" y="45" font-size="20">Café &amp; ชา</text></svg>';
