import type { Db } from '../db/client';
import { createCloudClient, type CloudClient, type FetchLike } from './http-client';
import type { KeyStore } from './key-store';
import { readSyncConfig } from './sync-config';
import { reasonOf, SyncFailure } from './sync-failure';

/**
 * The client for the settings as they are now: null while sync is off, a SyncFailure when something is missing or
 * the address is refused (plain http to another host), else a client kept until the URL or key changes.
 */
export function createClientCache(db: Db, keyStore: KeyStore, options: { fetch?: FetchLike; requestTimeoutMs?: number }) {
  let kept: { url: string; key: string; client: CloudClient } | null = null;
  const current = (): CloudClient | SyncFailure | null => {
    const config = readSyncConfig(db);
    if (!config.enabled) return null;
    if (!config.url) return new SyncFailure(reasonOf('sync.noUrl'), false);
    const key = keyStore.read();
    if (!key) return new SyncFailure(reasonOf('sync.noApiKey'), false);
    if (kept?.url === config.url && kept.key === key) return kept.client;
    try {
      const client = createCloudClient({ url: config.url, apiKey: key, deviceId: config.deviceId, fetch: options.fetch, timeoutMs: options.requestTimeoutMs });
      kept = { url: config.url, key, client };
      return client;
    } catch (error) {
      if (error instanceof SyncFailure) return error;
      throw error;
    }
  };
  return Object.assign(current, {
    forget: () => {
      kept = null;
    },
  });
}
