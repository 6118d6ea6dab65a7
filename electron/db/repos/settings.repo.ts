import { inArray } from 'drizzle-orm';
import type { Db } from '../client';
import { settings } from '../schema';

/** Raw settings: key -> parsed JSON value (unparseable values are skipped). */
export function readSettings(db: Db, keys: readonly string[]): Map<string, unknown> {
  const rows = db.orm.select().from(settings).where(inArray(settings.key, [...keys])).all();
  const values = new Map<string, unknown>();
  for (const row of rows) {
    try {
      values.set(row.key, JSON.parse(row.value));
    } catch {
      // a damaged value falls back to the default
    }
  }
  return values;
}

/** Writes all entries in one transaction. */
export function writeSettings(db: Db, entries: ReadonlyArray<readonly [string, unknown]>): void {
  db.tx(() => {
    for (const [key, value] of entries) {
      const json = JSON.stringify(value);
      db.orm
        .insert(settings)
        .values({ key, value: json })
        .onConflictDoUpdate({ target: settings.key, set: { value: json } })
        .run();
    }
  });
}
