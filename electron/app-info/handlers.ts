import type { Db } from '../db/client';
import type { HandlersFor } from '../core/handler-types';
import { countCardsAndVouchers } from '../db/repos/counts.repo';

export interface AppInfoDeps {
  db: Db;
  version: string;
  dataDir: string;
}

export function createAppInfoHandlers({ db, version, dataDir }: AppInfoDeps): HandlersFor<'app.info'> {
  return {
    'app.info': () => ({ version, dataDir, schemaVersion: db.schemaVersion, ...countCardsAndVouchers(db) }),
  };
}
