import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../../electron/core/create-core';
import type { IssueResult, RenderedFile } from '../../../../shared/schemas/vouchers';
import { makeTempDir, MIGRATIONS_DIR } from '../../../support/temp-dir';
import { zbarDecodeBytes } from '../../../support/zbar';

/** vouchers.render hands out a dead voucher only as its marked coupon, judged at the moment of the download. */
describe('downloads of vouchers that cannot be redeemed', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let core: Core;
  let now = Date.UTC(2026, 5, 1, 5);
  beforeEach(async () => {
    temp = makeTempDir();
    // no background sweep: an expiry the sweep has not marked yet must still mark the coupon
    core = createCore({ dataDir: temp.dir, migrationsDir: MIGRATIONS_DIR, version: 'test', now: () => now, resourcesDir: path.resolve('resources'), expirySweepMs: 0 });
    await core.call('settings.set', { timeZone: 'Asia/Bangkok' });
  });
  afterEach(() => {
    core.close();
    temp.cleanup();
  });
  const issue = async (validity: unknown) => {
    const result = await core.call('vouchers.issue', { title: 'Free coffee', redeemCode: { kind: 'generated' }, validity, quantity: 1 });
    if (!result.ok) throw new Error(result.error.message);
    return (result.value as IssueResult).vouchers[0]!;
  };

  it('a voided voucher has no bare QR code to download, and its PNG holds no code', async () => {
    const voucher = await issue({ kind: 'unlimited' });
    expect(await core.call('vouchers.render', { id: voucher.id, format: 'svg' })).toMatchObject({ ok: true });
    await core.call('vouchers.void', { id: voucher.id, reason: 'given twice' });
    expect(await core.call('vouchers.render', { id: voucher.id, format: 'svg' })).toMatchObject({
      ok: false,
      error: { code: 'conflict', key: 'apiErrors.couponFile.noCode.voided' },
    });
    const png = await core.call('vouchers.render', { id: voucher.id, format: 'png' });
    if (!png.ok) throw new Error(png.error.message);
    expect(zbarDecodeBytes(Buffer.from((png.value as RenderedFile).base64, 'base64'))).toEqual([]);
  });

  it('a voucher past its expiry downloads marked even before the sweep marks it', async () => {
    const voucher = await issue({ kind: 'days', days: 1 });
    const before = await core.call('vouchers.render', { id: voucher.id, format: 'png' });
    if (!before.ok) throw new Error(before.error.message);
    expect(zbarDecodeBytes(Buffer.from((before.value as RenderedFile).base64, 'base64'))).toHaveLength(2);
    now += 3 * 86_400_000;
    const after = await core.call('vouchers.render', { id: voucher.id, format: 'png' });
    if (!after.ok) throw new Error(after.error.message);
    expect(zbarDecodeBytes(Buffer.from((after.value as RenderedFile).base64, 'base64'))).toEqual([]);
    expect(await core.call('vouchers.render', { id: voucher.id, format: 'svg' })).toMatchObject({ ok: false, error: { key: 'apiErrors.couponFile.noCode.expired' } });
  });
});
