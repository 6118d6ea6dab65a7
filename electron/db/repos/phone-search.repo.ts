import type { Db } from '../client';

/** The phone indexes a refill of customers' phone forms touches. */
const PHONE_INDEXES = ['customers_phone_idx', 'customers_phone_reversed_idx', 'customers_phone_national_idx'];
/** From this many numbers to refill on, the phone indexes are dropped and rebuilt in sorted passes. */
const REBUILD_FROM = 20_000;

/** The country customers' phone forms were computed with ('' for none); null when they never were. */
export function phoneSearchCountry(db: Db): string | null {
  const row = db.prepare('SELECT country FROM phone_search WHERE id = 1').get() as { country: string } | undefined;
  return row?.country ?? null;
}

/**
 * Recomputes customers' phone forms (phone_digits, phone_national) for `country` ('' for none) and
 * records it, in one transaction. `everyNumber` also redoes numbers written with a `+` country code
 * (needed once, after the migration that added the national form); otherwise only numbers written
 * without one are read again: theirs are the forms the country decides. Rows whose forms stay the same
 * are not written. Returns how many customers changed.
 */
export function refillPhoneForms(db: Db, country: string, everyNumber: boolean): number {
  // a big page cache while rewriting: every customer row may change
  const previousCache = db.sqlite.pragma('cache_size', { simple: true }) as number;
  db.sqlite.pragma('cache_size = -262144');
  try {
    return refill(db, country, everyNumber);
  } finally {
    db.sqlite.pragma(`cache_size = ${previousCache}`);
  }
}

function refill(db: Db, country: string, everyNumber: boolean): number {
  return db.tx(() => {
    const scope = everyNumber ? 'phone IS NOT NULL' : "phone IS NOT NULL AND ltrim(phone) NOT LIKE '+%'";
    const many = (db.prepare('SELECT count(*) AS n FROM customers WHERE phone_digits IS NOT NULL').get() as { n: number }).n >= REBUILD_FROM;
    const indexes = many
      ? (db.sqlite
          .prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'index' AND name IN (${PHONE_INDEXES.map(() => '?').join(', ')})`)
          .all(...PHONE_INDEXES) as Array<{ name: string; sql: string }>)
      : [];
    for (const index of indexes) db.sqlite.exec(`DROP INDEX "${index.name}"`);
    const changed = db
      .prepare(
        `UPDATE customers SET phone_digits = stampdesk_phone_international(phone, @country), phone_national = stampdesk_phone_national(phone, @country)
         WHERE ${scope} AND (phone_digits IS NOT stampdesk_phone_international(phone, @country) OR phone_national IS NOT stampdesk_phone_national(phone, @country))`,
      )
      .run({ country }).changes;
    for (const index of indexes) db.sqlite.exec(index.sql);
    db.prepare('INSERT INTO phone_search (id, country) VALUES (1, ?) ON CONFLICT(id) DO UPDATE SET country = excluded.country').run(country);
    return changed;
  });
}
