import { randomUUID } from 'node:crypto';
import { DEVICE_HEADER, PROTOCOL_HEADER, SYNC_PROTOCOL_VERSION, pushResponse, type PushEntry, type WireOperation } from '../../shared/schemas/sync-protocol';
import { api } from '../support/api-client';
import type { Cloud } from '../support/cloud';
import type { RunningHost } from '../support/start-web-host';

/**
 * Another till of the same shop, speaking the protocol to the reference cloud over HTTP as a PC does: its own
 * device id, its entries numbered 1, 2, 3 …
 */
export function anotherTill(cloud: Cloud, apiKey: string, seat: string) {
  const deviceId = `e2e-${randomUUID()}`;
  let seq = 0;
  const push = async (operation: WireOperation): Promise<string> => {
    const entry: PushEntry = { seq: ++seq, key: randomUUID(), operation, events: [] };
    const response = await fetch(`${cloud.url}/v1/push`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${apiKey}`, [DEVICE_HEADER]: deviceId, [PROTOCOL_HEADER]: String(SYNC_PROTOCOL_VERSION), 'Content-Type': 'application/json' },
      body: JSON.stringify({ entries: [entry] }),
    });
    if (!response.ok) throw new Error(`push: ${response.status} ${await response.text()}`);
    return pushResponse.parse(await response.json()).outcomes[0]!.status;
  };
  return {
    redeem: (voucherToken: string, at: number) => push({ kind: 'voucher.redeemed', voucherToken, at, seat, provisional: true }),
    /** A free voucher of its own with the given generated code. */
    issue: (title: string, redeemCode: string, at: number) =>
      push({
        kind: 'voucher.issued',
        voucher: {
          token: `V${randomUUID().replace(/-/g, '').toUpperCase()}`,
          cardToken: null,
          batchUid: null,
          title,
          description: null,
          imageId: null,
          codeKind: 'generated',
          redeemCode,
          status: 'active',
          source: 'free',
          issuedAt: at,
          expiresAt: null,
          redeemedAt: null,
          redeemedBy: null,
          voidedAt: null,
          voidReason: null,
        },
      }),
  };
}

/**
 * A redemption on this host that cannot stand: the voucher (issued here and synced) is redeemed here while sync is
 * off, and at another till that reaches the cloud first; then this host syncs and hears of the conflict.
 */
export async function makeRedemptionConflict(host: RunningHost, cloud: Cloud, apiKey: string, title: string): Promise<void> {
  const [voucher] = (await api(host, 'vouchers.issue', { title, redeemCode: { kind: 'generated' }, validity: { kind: 'unlimited' } })).vouchers;
  await api(host, 'sync.now', {});
  await api(host, 'sync.configure', { enabled: false });
  const redeemed = await api(host, 'vouchers.redeem', { input: voucher!.redeemCode! });
  if (redeemed.outcome !== 'redeemed') throw new Error(`redeem: ${redeemed.outcome}`);
  const status = await anotherTill(cloud, apiKey, 'Till 2').redeem(voucher!.token, Date.now() - 60_000);
  if (status !== 'applied') throw new Error(`the other till's redemption: ${status}`);
  await api(host, 'sync.configure', { enabled: true });
  await api(host, 'sync.now', {});
}
