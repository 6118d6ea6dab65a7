import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../../electron/core/create-core';
import { couponData } from '../../../../electron/vouchers/voucher-files';
import { findVoucher } from '../../../../electron/db/repos/vouchers.repo';
import type { Locale } from '../../../../shared/domain/locales';
import type { IssueResult, RenderedFile } from '../../../../shared/schemas/vouchers';
import { makeTempDir, MIGRATIONS_DIR } from '../../../support/temp-dir';
import { zbarDecodeBytes } from '../../../support/zbar';

/** 2026-06-11 12:00 in Bangkok: the coupons below expire at the end of 2026-12-31 there. */
const NOW = Date.UTC(2026, 5, 11, 5);

describe('a coupon speaks the shop language', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let core: Core;
  let voucher: ReturnType<typeof findVoucher>;
  beforeAll(async () => {
    temp = makeTempDir();
    core = createCore({ dataDir: temp.dir, migrationsDir: MIGRATIONS_DIR, version: 'test', now: () => NOW, resourcesDir: path.resolve('resources'), expirySweepMs: 0 });
    await core.call('settings.set', { timeZone: 'Asia/Bangkok', shopName: 'ร้านกาแฟ' });
    const issued = await core.call('vouchers.issue', { title: 'กาแฟฟรี', redeemCode: { kind: 'generated' }, validity: { kind: 'fixed', date: '2026-12-31' }, quantity: 1 });
    if (!issued.ok) throw new Error(issued.error.message);
    voucher = findVoucher(core.db, (issued.value as IssueResult).vouchers[0]!.id);
  });
  afterAll(() => {
    core.close();
    temp.cleanup();
  });

  const cases: Array<[Locale, RegExp, string, 'ltr' | 'rtl']> = [
    ['en', /^Valid until 31 December 2026 at 23:59$/, 'Redeem code', 'ltr'],
    ['th', /31 ธันวาคม 2569/, 'โค้ดแลกใช้', 'ltr'],
    ['ko', /2026년 12월 31일/, '', 'ltr'],
    ['azb', /۱۰ دی ۱۴۰۵/, '', 'rtl'],
    ['gu', /31 ડિસેમ્બર, 2026/, '', 'ltr'],
  ];
  it.each(cases)('%s: its fixed words, its date in the manual’s calendar, its direction', (locale, date, label, direction) => {
    const data = couponData(voucher!, 'ร้านกาแฟ', 'Asia/Bangkok', locale);
    expect(data.validityText).toMatch(date);
    if (label) expect(data.codeLabel).toBe(label);
    expect(data.codeLabel).not.toBe(locale === 'en' ? '' : 'Redeem code');
    expect(data.footer).toContain(String(voucher!.id));
    expect(data.direction).toBe(direction);
    // a right-to-left coupon keeps "#7" together, left to right (the canvas would put the sign after the digits)
    if (direction === 'rtl') expect(data.footer).toContain(`\u2066#${voucher!.id}\u2069`);
    else expect(data.footer).not.toMatch(/[\u2066-\u2069]/);
  });

  it('a right-to-left (azb) coupon PNG still carries readable codes', async () => {
    await core.call('settings.set', { locale: 'azb' });
    const file = await core.call('vouchers.render', { id: voucher!.id, format: 'png' });
    if (!file.ok) throw new Error(file.error.message);
    const decoded = zbarDecodeBytes(Buffer.from((file.value as RenderedFile).base64, 'base64')).sort();
    expect(decoded).toEqual([voucher!.token, voucher!.redeemCode!.replace(/(.{4})(.{4})(.{3})/, '$1-$2-$3')].sort());
  });
});
