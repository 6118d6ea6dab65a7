import { AppError } from '../../shared/api/errors';
import { formatRedeemCode } from '../../shared/domain/redeem-code';
import { code128Svg, qrSvg } from '../barcodes/svg';
import type { CouponData, CouponMark } from '../coupons/coupon-layout';
import { isRightToLeft, type Locale } from '../../shared/domain/locales';
import { formatDateTime } from '../../shared/i18n/format';
import { translate } from '../../shared/i18n/translator';
import type { Db } from '../db/client';
import { findBatchVouchers, findVoucher, type VoucherRow } from '../db/repos/vouchers.repo';
import { BOM, csvLine } from '../csv/write-csv';
import type { CsvFile } from '../../shared/schemas/cards';
import { statusAt } from './voucher-view';

/**
 * What a printed voucher shows, in the shop's zone and language (its fixed words, dates and direction). A voucher
 * that cannot be redeemed (voided, redeemed, expired: by its stored status or, given `now`, past its expiry)
 * gets a mark with its word and date, and is then drawn without any scannable code.
 */
export function couponData(voucher: VoucherRow, shopName: string, timeZone: string, locale: Locale, now?: number): CouponData {
  const until =
    voucher.expiresAt === null
      ? translate(locale, 'coupon.noExpiry')
      : translate(locale, 'coupon.validUntil', { date: formatDateTime(voucher.expiresAt - 1, { locale, timeZone }) });
  const code = voucher.redeemCode ? formatRedeemCode(voucher.redeemCode) : null;
  return {
    shopName,
    title: voucher.title,
    description: voucher.description,
    redeemCode: code,
    codeLabel: translate(locale, 'coupon.redeemCode'),
    qrPayload: voucher.token,
    barcodePayload: code ?? voucher.token,
    validityText: until,
    footer: isolateNumbers(translate(locale, 'coupon.voucherNumber', { id: voucher.id }), locale),
    direction: isRightToLeft(locale) ? 'rtl' : 'ltr',
    mark: couponMark(voucher, timeZone, locale, now),
  };
}

function couponMark(voucher: VoucherRow, timeZone: string, locale: Locale, now: number | undefined): CouponMark | null {
  const status = now === undefined ? voucher.status : statusAt(voucher, now);
  if (status === 'active') return null;
  // the day it ended is the last minute it was valid, as its "Valid until" line says
  const at = status === 'voided' ? voucher.voidedAt : status === 'redeemed' ? voucher.redeemedAt : voucher.expiresAt === null ? null : voucher.expiresAt - 1;
  return {
    status,
    word: translate(locale, `coupon.mark.${status}`),
    date: translate(locale, `coupon.markDate.${status}`, { date: formatDateTime(at, { locale, timeZone }) }),
  };
}

/** The QR code (token) and linear barcode (code, else token) of a voucher, as SVG for the screen. */
export function voucherCodesSvg(voucher: VoucherRow): { qrSvg: string; barcodeSvg: string } {
  const code = voucher.redeemCode ? formatRedeemCode(voucher.redeemCode) : null;
  return { qrSvg: qrSvg(voucher.token), barcodeSvg: code128Svg(code ?? voucher.token) };
}

/**
 * The QR code of a voucher as an SVG download (`vouchers.render` format svg). A bare QR code carries no mark, so it
 * is given out only while the voucher can be redeemed; for another the refusal says to download it as PDF or PNG.
 */
export function qrSvgDownload(voucher: VoucherRow, now?: number): string {
  const status = now === undefined ? voucher.status : statusAt(voucher, now);
  if (status !== 'active') throw new AppError('conflict', `couponFile.noCode.${status}`, { field: 'id', params: { id: voucher.id } });
  return qrSvg(voucher.token);
}

/** The vouchers a download names: one voucher, or a whole batch in order. */
export function vouchersToExport(db: Db, request: { id?: number; batchId?: number }): VoucherRow[] {
  if (request.id !== undefined) {
    const voucher = findVoucher(db, request.id);
    if (!voucher) throw new AppError('not_found', 'voucher.noSuchVoucher', { field: 'id' });
    return [voucher];
  }
  const vouchers = findBatchVouchers(db, request.batchId!);
  if (vouchers.length === 0) throw new AppError('not_found', 'voucher.noSuchBatch', { field: 'batchId' });
  return vouchers;
}

/** Codes as CSV, for loading into a POS as one-time promo codes ("zero integration"). */
export function exportCodesCsv(db: Db, request: { id?: number; batchId?: number }): CsvFile {
  const vouchers = vouchersToExport(db, request);
  const parts = [BOM, csvLine(['code', 'title', 'status', 'expires_at', 'voucher_id', 'qr_token'])];
  for (const v of vouchers) {
    parts.push(csvLine([v.redeemCode ? formatRedeemCode(v.redeemCode) : '', v.title, v.status, v.expiresAt === null ? '' : new Date(v.expiresAt).toISOString(), v.id, v.token]));
  }
  const name = request.id !== undefined ? `voucher-${request.id}` : `vouchers-batch-${request.batchId}`;
  return { fileName: `${name}-codes.csv`, csv: parts.join(''), rows: vouchers.length };
}

/**
 * `#7` kept left to right on a right-to-left coupon: the canvas's text layout places a `#` before digits on the
 * wrong side in azb, so the number and its sign are isolated (the coupon is a picture: the isolate marks are
 * never copied as text).
 */
function isolateNumbers(text: string, locale: Locale): string {
  return isRightToLeft(locale) ? text.replace(/#\d+/g, (n) => `\u2066${n}\u2069`) : text;
}
