import { AppError } from '../../shared/api/errors';
import type { RenderedFile } from '../../shared/schemas/vouchers';
import { couponsPdf, type CouponSource } from '../coupons/coupon-pdf';
import { registerCouponFonts } from '../coupons/fonts';
import { couponPng, type CouponImage } from '../coupons/paint';
import type { Db } from '../db/client';
import { findImage } from '../db/repos/vouchers.repo';
import { getSettings } from '../settings/settings-service';
import { couponData, voucherCodesSvg, vouchersToExport } from './voucher-files';

const MAX_PNG_SHEET = 30;

/** vouchers.render: one voucher as PDF/PNG/SVG, or a batch as a PDF sheet (or a PNG strip of up to 30). */
export async function renderVouchers(
  db: Db,
  request: { id?: number; batchId?: number; format: 'pdf' | 'png' | 'svg' },
  resourcesDir: string,
): Promise<RenderedFile> {
  registerCouponFonts(resourcesDir);
  const settings = getSettings(db);
  const vouchers = vouchersToExport(db, request);
  const images = new Map<string, CouponImage | null>();
  const imageOf = (id: string | null): CouponImage | null => {
    if (!id) return null;
    if (!images.has(id)) images.set(id, findImage(db, id) ?? null);
    return images.get(id) ?? null;
  };
  const sources: CouponSource[] = vouchers.map((v) => ({ data: couponData(v, settings.shopName, settings.timeZone, settings.locale), image: imageOf(v.imageId) }));
  const name = request.id !== undefined ? `voucher-${request.id}` : `vouchers-batch-${request.batchId}`;

  if (request.format === 'svg') {
    if (vouchers.length !== 1) throw new AppError('invalid_input', 'voucher.svgOneVoucher', { field: 'format' });
    const { qrSvg: qr } = voucherCodesSvg(vouchers[0]!);
    return { base64: Buffer.from(qr).toString('base64'), mime: 'image/svg+xml', fileName: `${name}-qr.svg` };
  }
  if (request.format === 'png') {
    if (vouchers.length > MAX_PNG_SHEET) {
      throw new AppError('invalid_input', 'voucher.pngTooMany', { field: 'format', params: { max: MAX_PNG_SHEET } });
    }
    const pngs = await Promise.all(sources.map((s) => couponPng(s.data, s.image, vouchers.length === 1 ? 2 : 1)));
    const png = pngs.length === 1 ? pngs[0]! : await stack(pngs);
    return { base64: png.toString('base64'), mime: 'image/png', fileName: `${name}.png` };
  }
  const pdf = await couponsPdf(sources, vouchers.length === 1 ? 'single' : 'sheet');
  return { base64: pdf.toString('base64'), mime: 'application/pdf', fileName: `${name}.pdf` };
}

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

