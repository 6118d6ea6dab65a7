import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../../electron/core/create-core';
import { findVoucher } from '../../../../electron/db/repos/vouchers.repo';
import { couponData, qrSvgDownload } from '../../../../electron/vouchers/voucher-files';
import { formatRedeemCode } from '../../../../shared/domain/redeem-code';
import type { IssueResult, RenderedFile } from '../../../../shared/schemas/vouchers';
import { makeTempDir, MIGRATIONS_DIR } from '../../../support/temp-dir';
import { zbarDecodeBytes, zbarDecodePdf, zbarDecodePdfTiles } from '../../../support/zbar';

/** 2026-06-11 12:00 in Bangkok. */
const NOW = Date.UTC(2026, 5, 11, 5);
const HOUR = 3_600_000;

/** Pixels that are plainly red (the mark's ink), in a PNG. */
async function redPixels(png: Buffer | string): Promise<number> {
  const { data, info } = await sharp(png).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  let red = 0;
  for (let i = 0; i < info.width * info.height * 3; i += 3) if (data[i]! > 150 && data[i + 1]! < 90 && data[i + 2]! < 90) red++;
  return red;
}

/** The red pixels of a PDF's first page, rendered by pdftoppm at 100 dpi. */
async function pdfRedPixels(pdf: Buffer): Promise<number> {
  const temp = makeTempDir();
  try {
    fs.writeFileSync(path.join(temp.dir, 'f.pdf'), pdf);
    execFileSync('pdftoppm', ['-r', '100', '-png', '-singlefile', path.join(temp.dir, 'f.pdf'), path.join(temp.dir, 'f')]);
    return await redPixels(path.join(temp.dir, 'f.png'));
  } finally {
    temp.cleanup();
  }
}

describe('a voucher that cannot be redeemed does not look as if it can', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let core: Core;
  let clock = NOW;
  /** Batch A: [active, voided, redeemed, active]; batch B: two vouchers that expire after a day. */
  let a: IssueResult['vouchers'];
  let b: IssueResult['vouchers'];
  let batchA: number;
  let batchB: number;

  const call = async <T>(method: string, input: unknown): Promise<T> => {
    const result = await core.call(method as never, input as never);
    if (!result.ok) throw new Error(result.error.message);
    return result.value as T;
  };
  const render = async (input: { id?: number; batchId?: number; format: 'pdf' | 'png' }) =>
    Buffer.from((await call<RenderedFile>('vouchers.render', input)).base64, 'base64');
  const payloads = (v: IssueResult['vouchers'][number]) => [v.token, formatRedeemCode(v.redeemCode!)];

  beforeAll(async () => {
    temp = makeTempDir();
    core = createCore({ dataDir: temp.dir, migrationsDir: MIGRATIONS_DIR, version: 'test', now: () => clock, resourcesDir: path.resolve('resources'), expirySweepMs: 0 });
    await call('settings.set', { timeZone: 'Asia/Bangkok', shopName: 'Café Sukhumvit' });
    const issuedA = await call<IssueResult>('vouchers.issue', { title: 'Free coffee', redeemCode: { kind: 'generated' }, validity: { kind: 'days', days: 30 }, quantity: 4 });
    const issuedB = await call<IssueResult>('vouchers.issue', { title: 'Free cake', redeemCode: { kind: 'generated' }, validity: { kind: 'days', days: 1 }, quantity: 2 });
    [a, b, batchA, batchB] = [issuedA.vouchers, issuedB.vouchers, issuedA.batchId!, issuedB.batchId!];
    clock = NOW + HOUR;
    await call('vouchers.void', { id: a[1]!.id, reason: 'Issued by mistake' });
    clock = NOW + 2 * HOUR;
    await call('vouchers.redeem', { input: a[2]!.token });
    clock = NOW + 3 * 24 * HOUR; // batch B has expired; a read applies it
    await call('vouchers.list', {});
  });
  afterAll(() => {
    core.close();
    temp.cleanup();
  });

  it('the coupon carries the mark’s word and its date in the shop’s language and time zone; an active one none', () => {
    const data = (id: number, locale: 'en' | 'th' | 'azb') => couponData(findVoucher(core.db, id)!, 'Café', 'Asia/Bangkok', locale);
    expect(data(a[0]!.id, 'en').mark).toBeNull();
    expect(data(a[1]!.id, 'en').mark).toEqual({ status: 'voided', word: 'VOID', date: 'Voided on 11 June 2026 at 13:00' });
    expect(data(a[2]!.id, 'en').mark).toEqual({ status: 'redeemed', word: 'REDEEMED', date: 'Redeemed on 11 June 2026 at 14:00' });
    // the last minute it was valid, as its "Valid until" line says
    expect(data(b[0]!.id, 'en').mark).toEqual({ status: 'expired', word: 'EXPIRED', date: 'Expired on 12 June 2026 at 11:59' });
    expect(data(b[0]!.id, 'en').validityText).toBe('Valid until 12 June 2026 at 11:59');
    expect(data(a[1]!.id, 'th').mark).toEqual({ status: 'voided', word: 'ยกเลิกแล้ว', date: 'ยกเลิกเมื่อ 11 มิถุนายน 2569 เวลา 13:00' });
    const azb = data(a[2]!.id, 'azb');
    expect(azb.mark?.word).toBe('ایستیفاده اولونوب');
    expect(azb.mark?.date).toContain('۲۱ خرداد ۱۴۰۵، ۱۴:۰۰');
    expect(azb.direction).toBe('rtl');
  });

  it('an active voucher past its expiry that no sweep has marked yet prints as expired', () => {
    const row = findVoucher(core.db, a[0]!.id)!;
    const late = couponData(row, 'Café', 'Asia/Bangkok', 'en', row.expiresAt! + 1);
    expect(late.mark?.status).toBe('expired');
    expect(couponData(row, 'Café', 'Asia/Bangkok', 'en', row.expiresAt! - 1).mark).toBeNull();
  });

  it('single PNG and PDF downloads of voided, redeemed and expired vouchers decode to nothing; an active one exactly', async () => {
    expect(zbarDecodeBytes(await render({ id: a[0]!.id, format: 'png' })).sort()).toEqual(payloads(a[0]!).sort());
    expect(zbarDecodePdf(await render({ id: a[0]!.id, format: 'pdf' }), 200)[0]!.sort()).toEqual(payloads(a[0]!).sort());
    for (const dead of [a[1]!, a[2]!, b[0]!]) {
      expect(zbarDecodeBytes(await render({ id: dead.id, format: 'png' })), `PNG #${dead.id}`).toEqual([]);
      expect(zbarDecodePdf(await render({ id: dead.id, format: 'pdf' }), 200), `PDF #${dead.id}`).toEqual([[]]);
    }
  });

  it('the mark is unmistakable: red ink across a voided coupon, none on an active one (PNG and PDF)', async () => {
    expect(await redPixels(await render({ id: a[0]!.id, format: 'png' }))).toBe(0);
    expect(await pdfRedPixels(await render({ id: a[0]!.id, format: 'pdf' }))).toBe(0);
    for (const dead of [a[1]!, a[2]!, b[0]!]) {
      // a coupon PNG is 1200 px wide: the mark takes more than a 1,200 × 20 px band of red
      expect(await redPixels(await render({ id: dead.id, format: 'png' })), `PNG #${dead.id}`).toBeGreaterThan(24_000);
      // the PDF page at 100 dpi is 374 px wide: more than a 374 × 8 px band
      expect(await pdfRedPixels(await render({ id: dead.id, format: 'pdf' })), `PDF #${dead.id}`).toBeGreaterThan(3_000);
    }
  });

  it('a batch sheet keeps every voucher in its place, marking the ones that cannot be redeemed (PDF and PNG)', async () => {
    const pages = await zbarDecodePdfTiles(await render({ batchId: batchA, format: 'pdf' }), 300, 3, 3);
    expect(pages).toHaveLength(1);
    expect(pages[0]!.sort()).toEqual([...payloads(a[0]!), ...payloads(a[3]!)].sort());
    expect(await pdfRedPixels(await render({ batchId: batchA, format: 'pdf' }))).toBeGreaterThan(2 * 800);
    const strip = await render({ batchId: batchA, format: 'png' });
    expect(zbarDecodeBytes(strip).sort()).toEqual([...payloads(a[0]!), ...payloads(a[3]!)].sort());
    expect(await redPixels(strip)).toBeGreaterThan(2 * 6_000);
  });

  it('a batch whose vouchers have all expired still downloads, every coupon marked and none scannable', async () => {
    const pdf = await render({ batchId: batchB, format: 'pdf' });
    expect(await zbarDecodePdfTiles(pdf, 300, 3, 3)).toEqual([[]]);
    expect(await pdfRedPixels(pdf)).toBeGreaterThan(2 * 800);
    const strip = await render({ batchId: batchB, format: 'png' });
    expect(zbarDecodeBytes(strip)).toEqual([]);
    expect(await redPixels(strip)).toBeGreaterThan(2 * 6_000);
  });

  it('the QR code alone (SVG) is given out only while the voucher can be redeemed', async () => {
    const svg = qrSvgDownload(findVoucher(core.db, a[0]!.id)!, clock);
    expect(zbarDecodeBytes(await sharp(Buffer.from(svg), { density: 300 }).flatten({ background: '#ffffff' }).png().toBuffer())).toEqual([a[0]!.token]);
    for (const [dead, status] of [[a[1]!, 'voided'], [a[2]!, 'redeemed'], [b[0]!, 'expired']] as const) {
      expect(() => qrSvgDownload(findVoucher(core.db, dead.id)!, clock), status).toThrow(
        expect.objectContaining({ code: 'conflict', key: `couponFile.noCode.${status}`, field: 'id', message: expect.stringContaining('Download it as PDF or PNG') }),
      );
    }
  });

  it('a right-to-left (azb) voided coupon decodes to nothing either', async () => {
    await call('settings.set', { locale: 'azb' });
    try {
      expect(zbarDecodeBytes(await render({ id: a[1]!.id, format: 'png' }))).toEqual([]);
      expect(zbarDecodeBytes(await render({ id: a[0]!.id, format: 'png' })).sort()).toEqual(payloads(a[0]!).sort());
    } finally {
      await call('settings.set', { locale: 'en' });
    }
  });
});
