import crypto from 'node:crypto';
import type { Db } from '../../electron/db/client';

/** A hash over every row of every table: equal fingerprints mean nothing was written. */
export function dbFingerprint(db: Db): string {
  const hash = crypto.createHash('sha256');
  const tables = db.sqlite
    .prepare(
      "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name",
    )
    .all() as { name: string; sql: string }[];
  for (const { name, sql } of tables) {
    hash.update(name);
    // tables WITHOUT ROWID (the search index's shadow tables) come back in primary-key order
    const order = /WITHOUT ROWID/i.test(sql) ? '' : ' ORDER BY rowid';
    for (const row of db.sqlite.prepare(`SELECT * FROM "${name}"${order}`).iterate()) {
      hash.update(JSON.stringify(row, (_key, value: unknown) => (Buffer.isBuffer(value) ? value.toString('base64') : value)));
    }
  }
  return hash.digest('hex');
}
