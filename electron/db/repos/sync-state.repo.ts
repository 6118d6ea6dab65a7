import type { Db } from '../client';

/**
 * Sync bookkeeping as key/values in `sync_state`: `cursor` (the pull cursor), `deviceId` (made once per data
 * folder: the installation id, set by migration 0011), `url`, `enabled`, `lastSyncAt` and whatever else the engine
 * keeps. Values are strings; null when the key was never set.
 */
export function getSyncValue(db: Db, key: string): string | null {
  return (db.prepare('SELECT value FROM sync_state WHERE key = ?').pluck().get(key) as string | undefined) ?? null;
}

/** Sets a value; null removes the key. */
export function setSyncValue(db: Db, key: string, value: string | null): void {
  if (value === null) db.prepare('DELETE FROM sync_state WHERE key = ?').run(key);
  else db.prepare('INSERT INTO sync_state (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(key, value);
}

/** This data folder's device id: the one kept in sync_state, else the installation id (kept from then on). */
export function deviceIdOf(db: Db): string {
  const kept = getSyncValue(db, 'deviceId');
  if (kept) return kept;
  const installation = db.prepare('SELECT installation_id FROM installation WHERE id = 1').pluck().get() as string;
  setSyncValue(db, 'deviceId', installation);
  return installation;
}

/** Whether sync is switched on (a redemption made then is provisional until the cloud confirms it). */
export function syncEnabled(db: Db): boolean {
  return getSyncValue(db, 'enabled') === 'true';
}
