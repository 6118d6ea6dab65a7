import type { Db } from '../db/client';
import { unseenConflictCount } from '../db/repos/sync-conflicts.repo';
import { pendingCount } from '../db/repos/sync-outbox.repo';
import type { SyncStatus } from '../../shared/schemas/sync';
import type { KeyStore } from './key-store';
import { readLastSyncAt, readSyncConfig } from './sync-config';
import type { SyncFailure } from './sync-failure';

/** What the loop knows in memory (the rest of the status is read from the database). */
export interface EngineView {
  running: boolean;
  /** Pushing or pulling pages now (not waiting in a long-poll). */
  busy: boolean;
  /** The last pull said there is nothing more. */
  caughtUp: boolean;
  failure: SyncFailure | null;
  offlineSince: number | null;
  progress: { done: number; total: number | null } | null;
}

/** sync.status: state, last sync, pending, unseen conflicts, progress, why it failed; never the key. */
export function buildStatus(db: Db, keyStore: KeyStore, view: EngineView): SyncStatus {
  const config = readSyncConfig(db);
  const hasApiKey = keyStore.read() !== null;
  let state: SyncStatus['state'];
  if (!config.enabled) state = 'off';
  else if (view.failure) state = view.failure.offline ? 'offline' : 'error';
  else if (!config.url || !hasApiKey) state = 'error';
  else state = view.busy || !view.caughtUp ? 'syncing' : 'synced';
  return {
    state,
    url: config.url,
    enabled: config.enabled,
    hasApiKey,
    keyStorage: keyStore.kind(),
    lastSyncAt: readLastSyncAt(db),
    offlineSince: state === 'offline' ? view.offlineSince : null,
    pending: pendingCount(db),
    conflicts: unseenConflictCount(db),
    progress: state === 'syncing' ? view.progress : null,
    error: state === 'error' || state === 'offline' ? (view.failure?.reason ?? missingReason(config.url, hasApiKey)) : null,
    deviceId: config.deviceId,
  };
}

function missingReason(url: string | null, hasApiKey: boolean): SyncStatus['error'] {
  if (!url) return { key: 'sync.noUrl', params: {} };
  if (!hasApiKey) return { key: 'sync.noApiKey', params: {} };
  return null;
}
