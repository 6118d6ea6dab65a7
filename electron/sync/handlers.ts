import type { Db } from '../db/client';
import type { HandlersFor } from '../core/handler-types';
import { listConflicts, markConflictSeen } from '../db/repos/sync-conflicts.repo';
import { AppError } from '../../shared/api/errors';
import { checkCloudUrl } from './cloud-url';
import type { SyncEngine } from './engine';
import type { FetchLike } from './http-client';
import type { KeyStore } from './key-store';
import { readSyncConfig, writeSyncConfig } from './sync-config';
import { testConnection } from './test-connection';

export interface SyncHandlerDeps {
  db: Db;
  engine: SyncEngine;
  keyStore: KeyStore;
  fetch?: FetchLike;
}

/**
 * The Sync section's API. The key goes in through sync.configure and never comes back out: sync.status says only
 * whether one is kept and how.
 */
export function createSyncHandlers(deps: SyncHandlerDeps): HandlersFor<'sync.configure' | 'sync.status' | 'sync.now' | 'sync.conflicts' | 'sync.markSeen' | 'sync.test'> {
  const { db, engine, keyStore } = deps;
  return {
    'sync.configure': (input) => {
      let url = input.url;
      if (url !== undefined) {
        const checked = checkCloudUrl(url);
        if (!checked.ok) throw new AppError('invalid_input', checked.reason.key, { field: 'url', params: checked.reason.params });
        url = checked.base;
      }
      if (input.apiKey !== undefined) keyStore.write(input.apiKey);
      writeSyncConfig(db, { url, enabled: input.enabled });
      const config = readSyncConfig(db);
      if (config.enabled) {
        engine.start();
        engine.reconfigure();
      } else {
        void engine.stop();
      }
      return engine.status();
    },
    'sync.status': () => engine.status(),
    'sync.now': () => engine.syncNow(),
    'sync.conflicts': ({ includeSeen }) => listConflicts(db, includeSeen ?? false),
    'sync.markSeen': ({ id }, ctx) => markConflictSeen(db, id, ctx.now()),
    'sync.test': ({ url, apiKey }) => testConnection({ url, apiKey: apiKey ?? keyStore.read(), deviceId: readSyncConfig(db).deviceId, fetch: deps.fetch }),
  };
}
