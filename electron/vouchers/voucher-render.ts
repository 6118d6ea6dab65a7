import { AppError } from '../../shared/api/errors';
import { MAX_PNG_SHEET, type RenderedFile } from '../../shared/schemas/vouchers';
import type { Db } from '../db/client';
import { findImage } from '../db/repos/vouchers.repo';
import type { StoredImage } from '../isolation/protocol';
import type { WorkerHost } from '../isolation/worker-host';
import { getSettings } from '../settings/settings-service';
import { couponData, qrSvgDownload, vouchersToExport } from './voucher-files';

/**
 * vouchers.render: one voucher as PDF/PNG/SVG, or a batch as a PDF sheet (or a PNG strip of up to 30). What each
 * coupon says (with its status as of now: an expiry the sweep has not marked yet still marks it) is worked out here; the drawing runs in the isolated worker, which gets each distinct picture once.
 */
export async function renderVouchers(
  db: Db,
  request: { id?: number; batchId?: number; format: 'pdf' | 'png' | 'svg' },
  resourcesDir: string,
  worker: WorkerHost,
  now: number,
): Promise<RenderedFile> {
  const settings = getSettings(db);
  const vouchers = vouchersToExport(db, request);
  const name = request.id !== undefined ? `voucher-${request.id}` : `vouchers-batch-${request.batchId}`;

  if (request.format === 'svg') {
    if (vouchers.length !== 1) throw new AppError('invalid_input', 'voucher.svgOneVoucher', { field: 'format' });
    // only an active voucher's code is handed out bare; a dead one downloads as its marked coupon
    const qr = qrSvgDownload(vouchers[0]!, now);
    return { base64: Buffer.from(qr).toString('base64'), mime: 'image/svg+xml', fileName: `${name}-qr.svg` };
  }
  if (request.format === 'png' && vouchers.length > MAX_PNG_SHEET) {
    throw new AppError('invalid_input', 'voucher.pngTooMany', { field: 'format', params: { max: MAX_PNG_SHEET } });
  }
  const images: Record<string, StoredImage> = {};
  for (const id of new Set(vouchers.map((v) => v.imageId))) {
    const image = id ? findImage(db, id) : undefined;
    if (id && image) images[id] = image;
  }
  const coupons = vouchers.map((v) => ({
    data: couponData(v, settings.shopName, settings.timeZone, settings.locale, now),
    imageId: v.imageId && images[v.imageId] ? v.imageId : null,
  }));
  const { base64 } = await worker.run('coupons.draw', { format: request.format, resourcesDir, coupons, images });
  return request.format === 'png'
    ? { base64, mime: 'image/png', fileName: `${name}.png` }
    : { base64, mime: 'application/pdf', fileName: `${name}.pdf` };
}
