import crypto from 'node:crypto';
import type { Db } from '../../electron/db/client';

/** A hash over every row of every table: equal fingerprints mean nothing was written. */
export function dbFingerprint(db: Db): string {
  const hash = crypto.createHash('sha256');
  const tables = db.sqlite
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .all() as { name: string }[];
  for (const { name } of tables) {
    hash.update(name);
    for (const row of db.sqlite.prepare(`SELECT * FROM "${name}" ORDER BY rowid`).iterate()) {
      hash.update(JSON.stringify(row, (_key, value: unknown) => (Buffer.isBuffer(value) ? value.toString('base64') : value)));
    }
  }
  return hash.digest('hex');
}
