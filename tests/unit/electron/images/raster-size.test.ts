import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { rasterSize } from '../../../../electron/images/raster-size';
import { pngBomb } from '../../../support/image-fixtures';

const picture = (width: number, height: number, alpha = false) =>
  sharp({ create: { width, height, channels: alpha ? 4 : 3, background: { r: 200, g: 60, b: 30, alpha: 0.5 } } });

describe('the pixel size a picture declares, read from its header alone', () => {
  const cases: Array<[string, () => Promise<Buffer>, [number, number]]> = [
    ['PNG', () => picture(321, 123).png().toBuffer(), [321, 123]],
    ['baseline JPEG', () => picture(640, 17).jpeg().toBuffer(), [640, 17]],
    ['progressive JPEG with EXIF before the frame', () => picture(75, 1200).jpeg({ progressive: true }).withExif({ IFD0: { Make: 'Cam' } }).toBuffer(), [75, 1200]],
    ['lossy WEBP', () => picture(333, 222).webp().toBuffer(), [333, 222]],
    ['lossless WEBP', () => picture(5000, 3).webp({ lossless: true }).toBuffer(), [5000, 3]],
    ['WEBP with alpha (extended header)', () => picture(16383, 2, true).webp({ alphaQuality: 50 }).toBuffer(), [16383, 2]],
    ['GIF', () => picture(90, 45).gif().toBuffer(), [90, 45]],
  ];
  for (const [label, make, size] of cases) {
    it(`reads a ${label}`, async () => {
      const bytes = await make();
      expect(rasterSize(bytes)).toEqual({ width: size[0], height: size[1] });
      const meta = await sharp(bytes).metadata();
      expect([meta.width, meta.height]).toEqual(size);
    });
  }

  it('reads the size a decompression bomb claims, without decoding it', () => {
    expect(rasterSize(pngBomb())).toEqual({ width: 30_000, height: 30_000 });
  });

  it('gives no size for what is not a picture or is cut before its size', async () => {
    expect(rasterSize(Buffer.from('<svg/>'))).toBeNull();
    expect(rasterSize((await picture(10, 10).jpeg().toBuffer()).subarray(0, 40))).toBeNull();
    expect(rasterSize(Buffer.alloc(0))).toBeNull();
  });
});
