import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../../electron/core/create-core';
import { processImage } from '../../../../electron/images/process-image';
import { dbFingerprint } from '../../../support/db-fingerprint';
import { avifBytes, heicBytes, jpegWithGps, pngBomb, pngBytes, SAFE_SVG, webpBytes } from '../../../support/image-fixtures';
import { makeTempDir, MIGRATIONS_DIR } from '../../../support/temp-dir';

describe('image import', () => {
  it('reads PNG, JPEG, WEBP, AVIF and HEIC from their bytes and keeps their size', async () => {
    const cases: Array<[Buffer, string]> = [
      [await pngBytes(), 'image/png'],
      [await jpegWithGps(), 'image/jpeg'],
      [await webpBytes(), 'image/webp'],
      [await avifBytes(), 'image/png'],
      [await heicBytes(), 'image/jpeg'],
    ];
    for (const [bytes, mime] of cases) {
      const image = await processImage(bytes);
      expect(image.mime).toBe(mime);
      expect([image.width, image.height]).toEqual([64, 48]);
      expect(image.id).toMatch(/^[0-9a-f]{64}$/);
      const decoded = await sharp(image.bytes).metadata();
      expect(decoded.width).toBe(64);
    }
  });

  it('strips metadata: no EXIF, no GPS, no camera model', async () => {
    const source = await jpegWithGps();
    expect((await sharp(source).metadata()).exif).toBeDefined();
    const image = await processImage(source, 'holiday.jpg');
    const meta = await sharp(image.bytes).metadata();
    expect(meta.exif).toBeUndefined();
    expect(image.bytes.includes(Buffer.from('Tracker 3000'))).toBe(false);
  });

  it('stores the same picture once, by content hash', async () => {
    const a = await processImage(await pngBytes());
    const b = await processImage(await pngBytes());
    expect(a.id).toBe(b.id);
  });

  it('keeps a clean SVG, rewritten without comments', async () => {
    const image = await processImage(Buffer.from(SAFE_SVG), 'logo.svg');
    expect(image.mime).toBe('image/svg+xml');
    expect([image.width, image.height]).toEqual([120, 80]);
    const svg = image.bytes.toString('utf8');
    expect(svg).not.toContain('<!--');
    expect(svg).toContain('url(#g)');
    expect(svg).toContain('Café &amp; ชา');
  });

  const refused: Array<[string, () => Promise<Buffer> | Buffer, string | undefined, RegExp]> = [
    ['text pretending to be a PNG', () => Buffer.from('<html><script>alert(1)</script></html>'), 'photo.png', /named as a PNG image, but it is not one/],
    ['a PNG named .jpg', () => pngBytes(), 'photo.jpg', /named as a JPEG image, but it is a PNG/],
    ['a truncated PNG', async () => (await pngBytes()).subarray(0, 120), 'cut.png', /damaged/],
    ['a decompression bomb', () => pngBomb(), 'bomb.png', /at most 40 megapixels/],
    ['an oversize file', () => Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(10 * 1024 * 1024)]), 'big.png', /larger than 10 MB/],
    ['an SVG with a script', () => Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'), 'x.svg', /contains a script/],
    ['an SVG with an event handler', () => Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><rect width="1" height="1"/></svg>'), 'x.svg', /event handler/],
    ['an SVG with an external image', () => Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><image href="https://evil.example/t.png" width="1" height="1"/></svg>'), 'x.svg', /outside the file/],
    ['an SVG with an external stylesheet', () => Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><style>@import url(https://evil.example/x.css);</style></svg>'), 'x.svg', /load or run/],
    ['an SVG with a javascript link', () => Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"><a xlink:href="javascript:alert(1)"><rect width="5" height="5"/></a></svg>'), 'x.svg', /link/],
    ['an SVG with hidden entities', () => Buffer.from('<!DOCTYPE svg [<!ENTITY a "aaaaaaaa">]><svg xmlns="http://www.w3.org/2000/svg"><text>&a;</text></svg>'), 'x.svg', /DOCTYPE/],
    ['an SVG with foreignObject', () => Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><foreignObject><div xmlns="http://www.w3.org/1999/xhtml">x</div></foreignObject></svg>'), 'x.svg', /foreignObject/],
    ['an SVG with an encoded javascript address', () => Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><use href="&#106;avascript:alert(1)"/></svg>'), 'x.svg', /character references/],
  ];
  for (const [label, make, name, message] of refused) {
    it(`refuses ${label}`, async () => {
      await expect(processImage(await make(), name)).rejects.toThrow(message);
    });
  }
});

describe('images.import over the API', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let core: Core;
  beforeAll(() => {
    temp = makeTempDir();
    core = createCore({ dataDir: temp.dir, migrationsDir: MIGRATIONS_DIR, version: 't' });
  });
  afterAll(() => {
    core.close();
    temp.cleanup();
  });

  it('stores a good image once and returns its id, type and size', async () => {
    const base64 = (await pngBytes()).toString('base64');
    const first = await core.call('images.import', { base64, fileName: 'a.png' });
    const second = await core.call('images.import', { base64 });
    expect(first).toMatchObject({ ok: true, value: { mime: 'image/png', width: 64, height: 48 } });
    expect(second).toEqual(first);
    expect(core.db.sqlite.prepare('SELECT count(*) AS n FROM images').get()).toEqual({ n: 1 });
  });

  it('refuses a bad image with a message on the field and stores nothing', async () => {
    const before = dbFingerprint(core.db);
    const result = await core.call('images.import', { base64: pngBomb().toString('base64'), fileName: 'bomb.png' });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'base64' } });
    const notBase64 = await core.call('images.import', { base64: '***not base64***' });
    expect(notBase64).toMatchObject({ ok: false, error: { field: 'base64' } });
    expect(dbFingerprint(core.db)).toBe(before);
  });
});
