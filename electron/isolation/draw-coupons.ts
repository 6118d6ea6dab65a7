import { couponsPdf, type CouponSource } from '../coupons/coupon-pdf';
import { registerCouponFonts } from '../coupons/fonts';
import { couponPng, type CouponImage } from '../coupons/paint';
import { assertDrawable } from '../images/drawable';
import { asBuffer, type Jobs } from './protocol';

/**
 * The worker's side of `coupons.draw`: the shipped fonts, each stored picture checked again right before it is
 * decoded (it may come from an older version's checks), then one PDF or PNG. A picture shared by many coupons
 * is one object, so it is decoded once.
 */
export async function drawCoupons(input: Jobs['coupons.draw']['input']): Promise<Jobs['coupons.draw']['output']> {
  registerCouponFonts(input.resourcesDir);
  const images = new Map<string, CouponImage>();
  for (const [id, stored] of Object.entries(input.images)) {
    const image = { mime: stored.mime, bytes: asBuffer(stored.bytes) };
    assertDrawable(image);
    images.set(id, image);
  }
  const sources: CouponSource[] = input.coupons.map((c) => ({ data: c.data, image: c.imageId ? (images.get(c.imageId) ?? null) : null }));
  if (input.format === 'png') {
    const pngs = await Promise.all(sources.map((s) => couponPng(s.data, s.image, sources.length === 1 ? 2 : 1)));
    const png = pngs.length === 1 ? pngs[0]! : await stack(pngs);
    return { base64: png.toString('base64') };
  }
  const pdf = await couponsPdf(sources, sources.length === 1 ? 'single' : 'sheet');
  return { base64: pdf.toString('base64') };
}

/** Several coupons as one PNG, one under the other. */
async function stack(pngs: Buffer[]): Promise<Buffer> {
  const { default: sharp } = await import('sharp');
  const metas = await Promise.all(pngs.map((p) => sharp(p).metadata()));
  const width = Math.max(...metas.map((m) => m.width ?? 0));
  const height = metas.reduce((sum, m) => sum + (m.height ?? 0), 0);
  let top = 0;
  const composite = pngs.map((input, i) => {
    const placed = { input, top, left: 0 };
    top += metas[i]!.height ?? 0;
    return placed;
  });
  return sharp({ create: { width, height, channels: 3, background: '#ffffff' } }).composite(composite).png().toBuffer();
}
