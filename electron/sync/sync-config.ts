import type { Db } from '../db/client';
import { deviceIdOf, getSyncValue, setSyncValue } from '../db/repos/sync-state.repo';

/** Where the cloud is and whether sync is on, as kept in sync_state (the API key is kept by a KeyStore). */
export interface SyncConfig {
  url: string | null;
  enabled: boolean;
  deviceId: string;
}

export function readSyncConfig(db: Db): SyncConfig {
  return { url: getSyncValue(db, 'url'), enabled: getSyncValue(db, 'enabled') === 'true', deviceId: deviceIdOf(db) };
}

export function writeSyncConfig(db: Db, patch: { url?: string; enabled?: boolean }): void {
  db.tx(() => {
    if (patch.url !== undefined) setSyncValue(db, 'url', patch.url);
    if (patch.enabled !== undefined) setSyncValue(db, 'enabled', patch.enabled ? 'true' : 'false');
  });
}

export function readLastSyncAt(db: Db): number | null {
  const value = getSyncValue(db, 'lastSyncAt');
  return value === null ? null : Number(value);
}

export function writeLastSyncAt(db: Db, at: number): void {
  setSyncValue(db, 'lastSyncAt', String(at));
}
