import type { Db } from '../../db/client';
import { findImage, findVoucher } from '../../db/repos/vouchers.repo';
import type { PrintJobRecord } from '../../db/repos/print-jobs.repo';
import { findPrinter } from '../../db/repos/printers.repo';
import { getSettings } from '../../settings/settings-service';
import { couponData } from '../../vouchers/voucher-files';
import type { Printer } from '../../../shared/schemas/printing';
import type { TestPageInput } from '../receipt/test-page';
import type { CouponItem } from './drawer-port';

/** The n-th coupon of a job (0-based, copies included): a voucher's coupon or the test page. */
export type JobItem = { coupon: CouponItem } | { testPage: TestPageInput } | { gone: true };

/**
 * The coupon at `index` of a job, as the downloads draw it: the settings' shop name, time zone and language, and the
 * voucher's status judged now (a voucher voided since the job was made prints marked, without codes).
 */
export function jobItem(db: Db, job: PrintJobRecord, index: number, now: number): JobItem {
  const settings = getSettings(db);
  if (job.kind === 'test') {
    const printer = findPrinter(db, job.printerId)!;
    return { testPage: testPageInput(printer, settings, now) };
  }
  const voucherId = job.voucherIds?.[Math.floor(index / job.copies)];
  const voucher = voucherId === undefined ? undefined : findVoucher(db, voucherId);
  if (!voucher) return { gone: true };
  const image = voucher.imageId ? (findImage(db, voucher.imageId) ?? null) : null;
  return {
    coupon: {
      data: couponData(voucher, settings.shopName, settings.timeZone, settings.locale, now),
      image,
      imageId: image ? voucher.imageId : null,
    },
  };
}

export function testPageInput(printer: Printer, settings: { shopName: string; timeZone: string; locale: TestPageInput['locale'] }, now: number): TestPageInput {
  return {
    locale: settings.locale,
    timeZone: settings.timeZone,
    printedAt: now,
    shopName: settings.shopName,
    printer: {
      name: printer.name,
      kind: printer.kind,
      host: printer.host,
      port: printer.port,
      systemName: printer.systemName,
      paperWidth: printer.paperWidth,
      dots: printer.dots,
      language: printer.language,
    },
  };
}
