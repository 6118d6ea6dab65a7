import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createCanvas } from '@napi-rs/canvas';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { layoutCoupon, type CouponData } from '../../../../electron/coupons/coupon-layout';
import { couponsPdf } from '../../../../electron/coupons/coupon-pdf';
import { FAMILY, registerCouponFonts } from '../../../../electron/coupons/fonts';
import { couponPng, type CouponImage } from '../../../../electron/coupons/paint';
import { pngBytes } from '../../../support/image-fixtures';
import { makeTempDir } from '../../../support/temp-dir';

const coupon = (over: Partial<CouponData> = {}): CouponData => ({
  shopName: 'Café Sukhumvit',
  title: 'Free coffee',
  description: 'Sorry the order arrived cold — this one is on us.',
  redeemCode: 'ABCD-EFGH-007',
  codeLabel: 'Redeem code',
  qrPayload: 'V0000000000000000000000007',
  barcodePayload: 'ABCD-EFGH-007',
  validityText: 'Valid until 31 December 2026 at 23:59',
  footer: 'Voucher #7',
  direction: 'ltr',
  mark: null,
  ...over,
});

async function grey(png: Buffer) {
  const { data, info } = await sharp(png).greyscale().raw().toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}

/** The rows inside the dashed border with no ink, as runs: where the coupon leaves its height empty. */
async function blankRuns(png: Buffer): Promise<{ height: number; runs: Array<{ from: number; to: number }> }> {
  const { data, width, height } = await grey(png);
  const inset = Math.round(width * 0.04); // clear of the dashed border
  const inked = (y: number) => {
    for (let x = inset; x < width - inset; x++) if (data[y * width + x]! < 200) return true;
    return false;
  };
  const runs: Array<{ from: number; to: number }> = [];
  let start = -1;
  for (let y = inset; y <= height - inset; y++) {
    const blank = y < height - inset && !inked(y);
    if (blank && start < 0) start = y;
    if (!blank && start >= 0) {
      runs.push({ from: start, to: y });
      start = -1;
    }
  }
  return { height, runs };
}

describe('the coupon’s look', () => {
  let picture: CouponImage;
  beforeAll(async () => {
    registerCouponFonts(path.resolve('resources'));
    picture = { mime: 'image/png', bytes: await pngBytes() };
  });

  it.each([
    ['no picture, one line of description', coupon(), null],
    ['no description', coupon({ description: null }), null],
    ['a picture', coupon(), 'picture'],
    ['right to left (azb)', coupon({ title: 'قهوه رایگان', description: 'بو کوپون سیزه هدیه‌دیر', direction: 'rtl' }), null],
  ] as const)('uses its height evenly: %s', async (_case, data, withPicture) => {
    const { height, runs } = await blankRuns(await couponPng(data, withPicture ? picture : null));
    const top = runs[0]!;
    const bottom = runs[runs.length - 1]!;
    const gaps = runs.slice(1, -1).map((r) => r.to - r.from);
    // no band left empty at the bottom: the space above the first line and below the last are alike
    expect(bottom.to - bottom.from, 'bottom band').toBeLessThan(height * 0.1);
    expect(Math.abs(bottom.to - bottom.from - (top.to - top.from)), 'top and bottom bands differ').toBeLessThan(height * 0.04);
    // and no gap between the blocks is much larger than the margins
    expect(Math.max(...gaps), 'largest gap').toBeLessThan(height * 0.1);
  });

  it('a title in several scripts keeps the redeem code in the monospace font, in both directions', async () => {
    const probe = createCanvas(10, 10).getContext('2d');
    for (const [title, direction] of [
      ['Free coffee', 'ltr'],
      ['Free กาแฟ 커피 قهوه મફત', 'ltr'],
      ['قهوه 커피 กาแฟ', 'rtl'],
      ['無料 커피 ☕', 'ltr'],
    ] as const) {
      const data = coupon({ title, direction });
      const png = await grey(await couponPng(data, null, 2));
      const codeLine = layoutCoupon(probe, data, null).lines.find((l) => l.text === data.redeemCode)!;
      // the same code drawn alone, with nothing but the shipped Noto Sans Mono, at the same place
      const alone = createCanvas(png.width, png.height);
      const ctx = alone.getContext('2d');
      ctx.fillStyle = '#ffffff';
      ctx.fillRect(0, 0, alone.width, alone.height);
      ctx.scale(2, 2);
      ctx.font = `bold 34px "${FAMILY.mono}"`;
      ctx.textAlign = 'center';
      ctx.fillStyle = '#000000';
      ctx.fillText(data.redeemCode!, codeLine.x, codeLine.y);
      const reference = await grey(await alone.encode('png'));
      // the rows of the code line, inside the dashed border
      const band = (image: { data: Buffer; width: number }) => {
        const rows: Buffer[] = [];
        for (let y = Math.round((codeLine.y - 30) * 2); y < Math.round((codeLine.y + 6) * 2); y++) rows.push(image.data.subarray(y * image.width + 40, (y + 1) * image.width - 40));
        return Buffer.concat(rows);
      };
      expect(band(reference).filter((v) => v < 128).length, 'the code has ink').toBeGreaterThan(5000);
      expect(band(png).equals(band(reference)), `${title}: the code line is the mono drawing`).toBe(true);
      expect(codeLine.direction).toBe('ltr');
    }
  });

  it('a sheet stores a picture once, however many coupons show it', async () => {
    // a photo-like picture (a gradient with noise), which compresses poorly
    const [w, h] = [800, 600];
    const raw = Buffer.alloc(w * h * 3);
    for (let i = 0; i < w * h; i++) raw.set([(i % w) * 0.3, (i / w) * 0.4, (i * 7919) % 256], i * 3);
    const photo: CouponImage = { mime: 'image/png', bytes: await sharp(raw, { raw: { width: w, height: h, channels: 3 } }).png().toBuffer() };
    const sheet = async (count: number, image: CouponImage | null) =>
      (await couponsPdf(Array.from({ length: count }, () => ({ data: coupon(), image })), 'sheet')).length;
    const once = (await sheet(1, photo)) - (await sheet(1, null));
    const eighteen = (await sheet(18, photo)) - (await sheet(18, null));
    expect(once).toBeGreaterThan(20_000);
    expect(eighteen).toBeLessThan(once * 1.5);
  });

  it.each(['single', 'sheet'] as const)('a %s PDF keeps the coupon’s colours (the picture is not turned grey)', async (mode) => {
    const pdf = await couponsPdf([{ data: coupon(), image: picture }], mode);
    const temp = makeTempDir();
    try {
      fs.writeFileSync(path.join(temp.dir, 'c.pdf'), pdf);
      execFileSync('pdftoppm', ['-r', '100', '-png', '-singlefile', path.join(temp.dir, 'c.pdf'), path.join(temp.dir, 'c')]);
      const { data, info } = await sharp(path.join(temp.dir, 'c.png')).removeAlpha().raw().toBuffer({ resolveWithObject: true });
      let blue = 0;
      let red = 0;
      for (let i = 0; i < info.width * info.height * 3; i += 3) {
        const [r, g, b] = [data[i]!, data[i + 1]!, data[i + 2]!];
        if (Math.abs(r - 40) < 20 && Math.abs(g - 120) < 20 && Math.abs(b - 200) < 20) blue++;
        if (r > 180 && g < 70 && b < 70) red++;
      }
      // the fixture picture: a blue field with a red square
      expect(blue, 'blue pixels').toBeGreaterThan(100);
      expect(red, 'red pixels').toBeGreaterThan(10);
    } finally {
      temp.cleanup();
    }
  });
});
