import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../../electron/core/create-core';
import { seedDemoVoucherStory } from '../../../../electron/demo/demo-vouchers';
import { seedDemo } from '../../../../electron/demo/seed';
import type { VoucherDetails, VoucherListPage } from '../../../../shared/schemas/vouchers';
import { makeTempDir, MIGRATIONS_DIR } from '../../../support/temp-dir';

describe('demo vouchers', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let core: Core;
  let made = 0;
  const value = async <T>(method: string, input: unknown): Promise<T> => {
    const result = await core.call(method, input);
    if (!result.ok) throw new Error(result.error.message);
    return result.value as T;
  };
  beforeAll(() => {
    temp = makeTempDir();
    core = createCore({ dataDir: temp.dir, migrationsDir: MIGRATIONS_DIR, version: 't', expirySweepMs: 0 });
    seedDemo(core.db, { cards: 50 });
    made = seedDemoVoucherStory(core.db);
  });
  afterAll(() => {
    core.close();
    temp.cleanup();
  });

  it('tell a consistent story: every status, with dates, seats and reasons where they belong', async () => {
    const list = await value<VoucherListPage>('vouchers.list', { limit: 100 });
    expect(list.total).toBe(made);
    const count = (status: string) => list.items.filter((v) => v.status === status).length;
    expect({ redeemed: count('redeemed'), voided: count('voided'), expired: count('expired') }).toEqual({ redeemed: 5, voided: 1, expired: 1 });
    expect(count('active')).toBe(made - 7);
    for (const v of list.items) {
      if (v.status === 'redeemed') expect(v.redeemedAt! > v.issuedAt && v.redeemedBy).toBeTruthy();
      if (v.status === 'voided') expect(v.voidReason).toBe('Printed twice');
      expect(v.issuedAt).toBeLessThan(Date.now());
    }
    expect(list.items.filter((v) => v.cardId !== null)).toHaveLength(3);
    expect(list.items.filter((v) => v.redeemCode === 'FREECOFFEE')).toHaveLength(2);
  });

  it('show in the history of the vouchers and of the cards they were given to', async () => {
    const list = await value<VoucherListPage>('vouchers.list', { limit: 100 });
    const redeemed = list.items.find((v) => v.status === 'redeemed' && v.cardId !== null)!;
    const details = await value<VoucherDetails>('vouchers.get', { id: redeemed.id });
    expect(details.history.map((e) => e.type).sort()).toEqual(['voucher_issued', 'voucher_redeemed']);
    const history = await value<{ items: Array<{ type: string }> }>('cards.history', { id: redeemed.cardId! });
    expect(history.items.map((e) => e.type)).toEqual(expect.arrayContaining(['voucher_issued', 'voucher_redeemed']));
  });
});
