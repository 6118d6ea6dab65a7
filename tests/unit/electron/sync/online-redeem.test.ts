import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startCloud, type Cloud } from '../../../support/cloud';
import type { SyncStatus } from '../../../../shared/schemas/sync';
import { cardsCsv, openCountedPc, type CountedPc } from './sync-pc';

interface Redeemed {
  outcome: string;
  voucher?: { id: number; status: string; redeemedBy: string | null };
}

describe('online redemption: the cloud decides, offline the PC does', () => {
  let cloud: Cloud;
  let apiKey: string;
  let pc: CountedPc;
  beforeAll(async () => {
    cloud = await startCloud({ port: 0 });
  }, 60_000);
  afterAll(() => cloud.close());
  beforeEach(async () => {
    ({ apiKey } = await cloud.createShop('Redeem Coffee'));
    pc = openCountedPc({ autoStart: false });
    await pc.value('sync.configure', { url: cloud.url, apiKey, enabled: true });
  });
  afterEach(() => pc.close());

  async function voucher(): Promise<{ id: number; code: string; token: string }> {
    await pc.value('cards.importCsv', { csv: cardsCsv(900001, 1), dryRun: false });
    const issued = await pc.value<{ vouchers: Array<{ id: number; token: string; redeemCode: string }> }>('vouchers.issue', {
      cardId: 900001,
      title: 'Free cake',
      redeemCode: { kind: 'generated' },
      validity: { kind: 'unlimited' },
    });
    expect(await pc.value<SyncStatus>('sync.now')).toMatchObject({ state: 'synced', pending: 0 });
    const { id, token, redeemCode } = issued.vouchers[0]!;
    return { id, token, code: redeemCode };
  }

  const redeemState = (id: number) => pc.core.db.prepare('SELECT redeem_state FROM vouchers WHERE id = ?').pluck().get(id);
  const redemptionEntries = () => pc.core.db.prepare("SELECT count(*) FROM outbox WHERE kind = 'voucher.redeemed'").pluck().get();
  async function cloudRedemptions(token: string) {
    const snapshot = await cloud.snapshot(apiKey);
    return { voucher: snapshot.vouchers.find((v) => v.token === token), events: snapshot.events.filter((e) => e.type === 'voucher_redeemed') };
  }

  it('reachable: pushed within the redemption and confirmed by the cloud, not provisional', async () => {
    const { id, code, token } = await voucher();
    const result = await pc.value<Redeemed>('vouchers.redeem', { input: code });
    expect(result).toMatchObject({ outcome: 'redeemed', voucher: { status: 'redeemed' } });
    expect(redeemState(id)).toBe('confirmed');
    expect((await cloudRedemptions(token)).voucher).toMatchObject({ status: 'redeemed', redeemedBy: 'Till A' });
    expect((await pc.value<SyncStatus>('sync.status')).pending).toBe(0);
  });

  it('unreachable: the local decision stands, provisional, and is pushed with the next sync', async () => {
    const { id, code, token } = await voucher();
    pc.line.down = true;
    const result = await pc.value<Redeemed>('scan.submit', { input: code });
    expect(result).toMatchObject({ kind: 'voucher', result: { outcome: 'redeemed' } });
    expect(redeemState(id)).toBe('provisional');
    expect((await cloudRedemptions(token)).voucher).toMatchObject({ status: 'active' });
    pc.line.down = false;
    expect(await pc.value<SyncStatus>('sync.now')).toMatchObject({ state: 'synced', pending: 0 });
    expect(redeemState(id)).toBe('confirmed');
    expect((await cloudRedemptions(token)).voucher).toMatchObject({ status: 'redeemed', redeemedBy: 'Till A' });
  });

  it('a reply lost after the cloud committed: provisional at the counter, then confirmed with the same key — one redemption', async () => {
    const { id, code, token } = await voucher();
    pc.line.dropNextPushReply = true;
    const result = await pc.value<Redeemed>('vouchers.redeem', { input: code });
    expect(result.outcome).toBe('redeemed');
    expect(redeemState(id)).toBe('provisional');
    // the cloud has it already
    expect((await cloudRedemptions(token)).voucher).toMatchObject({ status: 'redeemed' });
    expect(await pc.value<SyncStatus>('sync.now')).toMatchObject({ state: 'synced', pending: 0, conflicts: 0 });
    expect(redeemState(id)).toBe('confirmed');
    expect(redemptionEntries()).toBe(1);
    expect((await cloudRedemptions(token)).events).toHaveLength(1);
    // and scanning it again is refused here, at once
    expect((await pc.value<Redeemed>('vouchers.redeem', { input: code })).outcome).toBe('already_redeemed');
  });
});
