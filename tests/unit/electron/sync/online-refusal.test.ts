import { afterEach, describe, expect, it } from 'vitest';
import type { EntryOutcome, PushEntry } from '../../../../shared/schemas/sync-protocol';
import type { SyncStatus } from '../../../../shared/schemas/sync';
import { useTempCore } from '../../../support/temp-core';
import { json, startRawServer, type RawServer } from './raw-server';
import { cardsCsv } from './sync-pc';

interface Redeemed {
  outcome: string;
  message: string;
  voucher?: { status: string; redeemedBy: string | null; redeemedAt: number | null };
}

const WINNER_AT = 1_790_000_000_000;

/**
 * The moment between catching up and pushing: another PC redeemed or voided the voucher in the cloud just then.
 * A cloud double answers pulls with nothing new and the redemption's push with the refusal the reference cloud
 * gives (same reason keys and detail); every other entry is applied.
 */
describe('online redemption refused by the cloud in the last moment', () => {
  const core = useTempCore({ sync: { autoStart: false } });
  let server: RawServer | null = null;
  afterEach(async () => {
    await server?.close();
    server = null;
  });

  async function value<T>(method: string, input: unknown = {}): Promise<T> {
    const result = await core().call(method, input, 'Till A');
    if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message}`);
    return result.value as T;
  }

  async function redeemAgainst(refusal: Pick<EntryOutcome, 'status' | 'reason' | 'detail'>): Promise<Redeemed> {
    let last = 0;
    server = await startRawServer((req, res) => {
      if (req.url.startsWith('/v1/pull')) return json(res, 200, { changes: [], cursor: 'e1:1', hasMore: false, reset: false });
      const { entries } = JSON.parse(req.body) as { entries: PushEntry[] };
      const outcomes = entries.map((entry) => {
        last = entry.seq;
        return entry.operation.kind === 'voucher.redeemed'
          ? { seq: entry.seq, key: entry.key, ...refusal }
          : { seq: entry.seq, key: entry.key, status: 'applied', reason: null, detail: null };
      });
      json(res, 200, { outcomes, lastSeq: last, expectedSeq: null });
    });
    await value('sync.configure', { url: server.url, apiKey: 'sk_test', enabled: true });
    await value('cards.importCsv', { csv: cardsCsv(910001, 1), dryRun: false });
    const issued = await value<{ vouchers: Array<{ redeemCode: string }> }>('vouchers.issue', {
      cardId: 910001,
      title: 'Cake',
      redeemCode: { kind: 'generated' },
      validity: { kind: 'unlimited' },
    });
    await value('sync.now');
    return value<Redeemed>('vouchers.redeem', { input: issued.vouchers[0]!.redeemCode });
  }

  it('redeemed elsewhere: the counter hears "already redeemed" with the winner, and no conflict is left', async () => {
    const result = await redeemAgainst({
      status: 'conflict',
      reason: { key: 'redeemedElsewhere', params: { seat: 'Till B', at: WINNER_AT } },
      detail: { seat: 'Till B', at: WINNER_AT, deviceId: 'other' },
    });
    expect(result.outcome).toBe('already_redeemed');
    expect(result.voucher).toMatchObject({ status: 'redeemed', redeemedBy: 'Till B', redeemedAt: WINNER_AT });
    expect(result.message).toContain('Till B');
    expect(await value<SyncStatus>('sync.status')).toMatchObject({ conflicts: 0, pending: 0 });
    expect(await value('sync.conflicts', {})).toEqual([]);
  });

  it('voided in the cloud: the counter hears "voided", not "redeemed"', async () => {
    const result = await redeemAgainst({ status: 'rejected', reason: { key: 'voucherVoided', params: { voucher: 'x' } }, detail: { voidedAt: WINNER_AT, reason: null } });
    expect(result.outcome).toBe('voided');
    expect((await value<SyncStatus>('sync.status')).conflicts).toBe(0);
  });
});
