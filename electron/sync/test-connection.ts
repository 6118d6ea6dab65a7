import type { SyncTestResult } from '../../shared/schemas/sync';
import { SYNC_PROTOCOL_VERSION } from '../../shared/schemas/sync-protocol';
import { createCloudClient, type FetchLike } from './http-client';
import { reasonOf, SyncFailure } from './sync-failure';

/**
 * sync.test: one `/v1/info` request with the URL and key given, nothing saved. Says what is wrong in words the
 * Sync section shows: a bad or plain-http address, no answer, TLS, wrong key (401), wrong version (426), or an
 * answer that is not a Stampdesk cloud.
 */
export async function testConnection(input: { url: string; apiKey: string | null; deviceId: string; fetch?: FetchLike; timeoutMs?: number }): Promise<SyncTestResult> {
  if (input.apiKey === null) return { ok: false, reason: reasonOf('sync.noApiKey') };
  try {
    const client = createCloudClient({ url: input.url, apiKey: input.apiKey, deviceId: input.deviceId, fetch: input.fetch, timeoutMs: input.timeoutMs });
    const info = await client.info();
    if (info.protocol !== SYNC_PROTOCOL_VERSION) {
      return { ok: false, reason: reasonOf('sync.wrongVersion', { server: info.protocol, ours: SYNC_PROTOCOL_VERSION }) };
    }
    return { ok: true, shopName: info.shopName, serverTime: info.serverTime };
  } catch (error) {
    if (error instanceof SyncFailure) return { ok: false, reason: error.reason };
    throw error;
  }
}
