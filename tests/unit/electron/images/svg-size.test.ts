import { loadImage } from '@napi-rs/canvas';
import { describe, expect, it } from 'vitest';
import { processImage } from '../../../../electron/images/process-image';
import { pngBomb, pngBytes } from '../../../support/image-fixtures';

const svg = (attributes: string, body = '<rect width="10" height="10" fill="#c30"/>') =>
  Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" ${attributes}>${body}</svg>`);

/** The root element's attributes of a stored SVG. */
function rootAttributes(bytes: Buffer): Record<string, string> {
  const root = /<svg\b([^>]*)>/.exec(bytes.toString('utf8'))![1]!;
  return Object.fromEntries([...root.matchAll(/([\w:-]+)="([^"]*)"/g)].map((m) => [m[1]!, m[2]!]));
}

describe('SVG size, read the way a renderer reads it', () => {
  // CSS units at 96 px per inch, em = 16 px, ex = 8 px; % and a missing size come from the viewBox, else 300 × 150
  const sized: Array<[string, [number, number]]> = [
    ['width="120px" height="80px"', [120, 80]],
    ['width="100mm" height="50mm"', [378, 189]],
    ['width="10cm" height="5cm"', [378, 189]],
    ['width="2in" height="1in"', [192, 96]],
    ['width="72pt" height="6pc"', [96, 96]],
    ['width="10em" height="5ex"', [160, 40]],
    ['width="1.2e2" height="8E1"', [120, 80]],
    ['width="50%" height="100%" viewBox="0 0 400 100"', [400, 100]],
    ['viewBox="0 0 400 100"', [400, 100]],
    ['width="200" viewBox="0,0,400,100"', [200, 50]],
    ['', [300, 150]],
  ];
  for (const [attributes, size] of sized) {
    it(`stores <svg ${attributes || '(no size)'}> as ${size.join(' × ')} px, and the coupon renderer reads that size`, async () => {
      const image = await processImage(svg(attributes), 'logo.svg');
      expect([image.width, image.height]).toEqual(size);
      const root = rootAttributes(image.bytes);
      expect([root.width, root.height]).toEqual(size.map(String));
      expect(root.viewBox).toMatch(/^[\d.]+ [\d.]+ [\d.]+ [\d.]+$/);
      const drawn = await loadImage(image.bytes); // Skia, as the coupons draw it
      expect([drawn.width, drawn.height]).toEqual(size);
    });
  }

  it('keeps what the picture shows: the viewBox written for a size in mm spans the same user units', async () => {
    const image = await processImage(svg('width="100mm" height="50mm"'), 'logo.svg');
    const [x, y, w, h] = rootAttributes(image.bytes).viewBox!.split(' ').map(Number);
    expect([x, y]).toEqual([0, 0]);
    expect(w).toBeCloseTo((100 / 25.4) * 96, 3);
    expect(h).toBeCloseTo((50 / 25.4) * 96, 3);
  });

  it('drops a size given in the root\'s style, which Skia would apply after the attributes', async () => {
    const image = await processImage(svg('width="10" height="10" style="fill:red;width:100000px; HEIGHT : 1e5px"'), 'logo.svg');
    expect(rootAttributes(image.bytes).style).toBe('fill:red');
    const drawn = await loadImage(image.bytes);
    expect([drawn.width, drawn.height]).toEqual([10, 10]);
  });

  const tooBig: Array<[string, RegExp]> = [
    ['width="50000mm" height="50000mm"', /188,976 × 188,976 pixels; at most 40 megapixels/],
    ['width="1e9" height="1e9"', /1,000,000,000 × 1,000,000,000 pixels/],
    ['width="2000in" height="2000in"', /192,000 × 192,000 pixels/],
    ['width="1e5pt" height="1e3pt"', /133,333 × 1,333 pixels/],
    ['viewBox="0 0 1e6 1e6"', /1,000,000 × 1,000,000 pixels/],
    ['width="1e999" height="1"', /at most 40 megapixels/],
  ];
  for (const [attributes, message] of tooBig) {
    it(`refuses <svg ${attributes}> by its pixel size`, async () => {
      await expect(processImage(svg(attributes), 'huge.svg')).rejects.toThrow(message);
    });
  }

  it('refuses an SVG whose embedded picture is a decompression bomb', async () => {
    const body = `<image width="10" height="10" href="data:image/png;base64,${pngBomb().toString('base64')}"/>`;
    await expect(processImage(svg('width="10" height="10"', body), 'bomb.svg')).rejects.toThrow(/holds a picture of 30,000 × 30,000 pixels/);
  });

  it('keeps an SVG with a small embedded picture', async () => {
    const body = `<image width="64" height="48" href="data:image/png;base64,${(await pngBytes()).toString('base64')}"/>`;
    const image = await processImage(svg('width="64" height="48"', body), 'logo.svg');
    expect([image.width, image.height]).toEqual([64, 48]);
  });
});
