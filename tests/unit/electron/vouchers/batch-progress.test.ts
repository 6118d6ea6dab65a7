import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../../electron/core/create-core';
import { useTempCore } from '../../../support/temp-core';

const tick = () => new Promise<void>((resolve) => setTimeout(resolve, 1));

describe('GENERATE VOUCHER with 10,000 vouchers does not freeze the app', () => {
  const core = useTempCore();

  it('answers other calls meanwhile, reports progress, and issues the whole batch with unique codes', async () => {
    const operationId = 'batch-test-0001';
    let settled = false;
    const issuing = core()
      .call('vouchers.issue', { title: 'Opening party', redeemCode: { kind: 'generated' }, validity: { kind: 'unlimited' }, quantity: 10_000, operationId })
      .finally(() => (settled = true));
    const answeredMeanwhile: unknown[] = [];
    const progress: Array<{ stage: string; done: number; total: number }> = [];
    while (!settled) {
      await tick();
      if (settled) break;
      const list = await core().call('vouchers.list', {});
      if (!settled) answeredMeanwhile.push(list);
      const seen = await core().call('operations.progress', { id: operationId });
      if (seen.ok && seen.value) progress.push(seen.value as (typeof progress)[number]);
    }
    const issued = await issuing;
    expect(issued.ok).toBe(true);
    const vouchers = (issued as { value: { vouchers: Array<{ redeemCode: string }> } }).value.vouchers;
    expect(vouchers).toHaveLength(10_000);
    expect(new Set(vouchers.map((v) => v.redeemCode)).size).toBe(10_000);

    expect(answeredMeanwhile.length).toBeGreaterThan(0);
    // the list read meanwhile sees none of the batch: it lands whole, at the end
    expect(answeredMeanwhile.every((a) => (a as { ok: boolean; value: { total: number } }).ok && (a as { value: { total: number } }).value.total === 0)).toBe(true);
    expect(progress.some((p) => p.stage === 'writing' && p.total === 10_000 && p.done < 10_000)).toBe(true);
    expect(await core().call('app.info', {})).toMatchObject({ ok: true, value: { vouchers: 10_000 } });
  });

  it('a single voucher for a customer is issued at once, as before', async () => {
    const issued = await core().call('vouchers.issue', { title: 'One', redeemCode: { kind: 'generated' }, validity: { kind: 'unlimited' } });
    expect(issued).toMatchObject({ ok: true, value: { vouchers: [expect.objectContaining({ status: 'active' })] } });
  });
});
