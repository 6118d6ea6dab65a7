import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../../../electron/db/client';
import { seedDemo, seedDemoIfEmpty } from '../../../../electron/demo/seed';
import { EVENT_TYPES } from '../../../../shared/domain/events';
import { phoneForms } from '../../../../shared/domain/phone';
import { makeTempDir, MIGRATIONS_DIR } from '../../../support/temp-dir';

describe('demo seeder', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let db: Db;
  const NOW = Date.UTC(2026, 10, 23, 12);
  beforeAll(() => {
    temp = makeTempDir();
    db = openDatabase({ dataDir: temp.dir, migrationsDir: MIGRATIONS_DIR });
    const result = seedDemo(db, { cards: 3000, now: NOW });
    expect(result.cards).toBe(3000);
  });
  afterAll(() => {
    db.close();
    temp.cleanup();
  });
  const all = <T>(sql: string) => db.sqlite.prepare(sql).all() as T[];
  const one = <T>(sql: string) => db.sqlite.prepare(sql).get() as T;

  it('writes the asked number of cards with public numbers of six digits or more and unique tokens', () => {
    expect(one<{ n: number }>('SELECT count(*) AS n FROM cards').n).toBe(3000);
    expect(one<{ n: number }>('SELECT min(id) AS n FROM cards').n).toBeGreaterThanOrEqual(100_000);
    expect(one<{ n: number }>('SELECT count(DISTINCT token) AS n FROM cards').n).toBe(3000);
    expect(one<{ n: number }>('SELECT min(length(token)) AS n FROM cards').n).toBeGreaterThanOrEqual(22);
  });

  it('names customers in English, Thai, Korean, South Azerbaijani (Arabic script) and Gujarati', () => {
    const names = all<{ name: string }>('SELECT name FROM customers').map((r) => r.name);
    const scripts = {
      latin: /^[A-Za-z ]+$/,
      thai: /\p{Script=Thai}/u,
      hangul: /\p{Script=Hangul}/u,
      arabic: /\p{Script=Arabic}/u,
      gujarati: /\p{Script=Gujarati}/u,
    };
    for (const [script, pattern] of Object.entries(scripts)) {
      expect(names.filter((n) => pattern.test(n)).length, script).toBeGreaterThan(200);
    }
    expect(names.some((n) => /^\p{Script=Hangul}{2}$/u.test(n))).toBe(true); // two-syllable Korean names
  });

  it('gives customers emails and phones, some with Thai or Persian digits, normalized for search', () => {
    const rows = all<{ email: string | null; phone: string | null; phone_digits: string | null; phone_national: string | null }>(
      'SELECT email, phone, phone_digits, phone_national FROM customers',
    );
    expect(rows.filter((r) => r.email?.includes('@')).length / rows.length).toBeGreaterThan(0.8);
    expect(rows.some((r) => r.phone && /[๐-๙]/.test(r.phone))).toBe(true);
    expect(rows.some((r) => r.phone && /[۰-۹]/.test(r.phone))).toBe(true);
    // the seeder makes the search forms from the numbers' parts; they are what libphonenumber-js reads
    const country = one<{ country: string }>('SELECT country FROM phone_search').country;
    for (const row of rows) {
      if (row.phone) expect({ phone: row.phone, international: row.phone_digits, national: row.phone_national }).toEqual({ phone: row.phone, ...phoneForms(row.phone, country) });
    }
  });

  for (const [zone, country] of [['Asia/Bangkok', 'TH'], ['Asia/Tehran', 'IR'], ['Asia/Seoul', 'KR'], ['Asia/Kolkata', 'IN'], ['Europe/London', 'GB'], ['America/New_York', 'US'], ['Europe/Berlin', 'DE'], ['Australia/Sydney', 'AU']] as const) {
    it(`in a shop in ${zone}, writes its customers' numbers mostly without the country code, visitors' with it, each with the forms libphonenumber-js reads`, () => {
      const shop = makeTempDir();
      const local = openDatabase({ dataDir: shop.dir, migrationsDir: MIGRATIONS_DIR });
      try {
        local.sqlite.prepare("INSERT INTO settings (key, value) VALUES ('timeZone', ?)").run(JSON.stringify(zone));
        seedDemo(local, { cards: 1500, now: NOW });
        const rows = local.sqlite.prepare('SELECT phone, phone_digits, phone_national FROM customers WHERE phone IS NOT NULL').all() as Array<{
          phone: string; phone_digits: string; phone_national: string | null;
        }>;
        expect(local.sqlite.prepare('SELECT country FROM phone_search').pluck().get()).toBe(country);
        for (const row of rows) expect({ phone: row.phone, international: row.phone_digits, national: row.phone_national }).toEqual({ phone: row.phone, ...phoneForms(row.phone, country) });
        const code = rows.find((r) => !/[+]/.test(r.phone) && r.phone_national)?.phone_digits;
        expect(code, 'a number of the shop written without its code, read in the shop country').toBeDefined();
        expect(rows.filter((r) => r.phone.startsWith('+')).length).toBeGreaterThan(100);
      } finally {
        local.close();
        shop.cleanup();
      }
    });
  }

  it('saves cards in one or several wallets, with stamps within the goal', () => {
    const masks = new Set(all<{ platforms: number }>('SELECT DISTINCT platforms FROM cards').map((r) => r.platforms));
    for (const mask of [1, 2, 4, 6]) expect(masks.has(mask), `mask ${mask}`).toBe(true);
    expect(one<{ n: number }>('SELECT count(*) AS n FROM cards WHERE stamps < 0 OR stamps > goal').n).toBe(0);
    expect(one<{ n: number }>('SELECT count(*) AS n FROM cards WHERE stamps = goal').n).toBeGreaterThan(0);
    expect(one<{ n: number }>('SELECT count(*) AS n FROM cards WHERE stamps = 0 AND last_stamp_at IS NOT NULL').n).toBe(0);
  });

  it('uses several templates, with versions and reward images', () => {
    expect(one<{ n: number }>('SELECT count(DISTINCT template_id) AS n FROM cards').n).toBeGreaterThanOrEqual(3);
    expect(one<{ n: number }>('SELECT max(template_version) AS n FROM cards').n).toBeGreaterThanOrEqual(10);
    const images = all<{ mime: string; bytes: Buffer }>('SELECT mime, bytes FROM images');
    expect(images.length).toBeGreaterThanOrEqual(4);
    for (const image of images) expect(image.bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(one<{ n: number }>('SELECT count(*) AS n FROM template_rewards WHERE image_id IS NULL').n).toBe(0);
  });

  it('writes a consistent history in the event vocabulary', () => {
    const types = all<{ type: string }>('SELECT DISTINCT type FROM events').map((r) => r.type);
    for (const type of types) expect(EVENT_TYPES).toContain(type);
    for (const type of ['card_issued', 'card_saved', 'stamp_added', 'goal_reached', 'reward_issued']) expect(types).toContain(type);
    expect(one<{ n: number }>("SELECT count(*) AS n FROM events WHERE type = 'card_issued'").n).toBe(3000);
    // the stamp events of each card add up to its stamps
    const mismatched = one<{ n: number }>(`
      SELECT count(*) AS n FROM cards c
      WHERE c.stamps != coalesce((SELECT sum(json_extract(e.data, '$.count')) FROM events e WHERE e.card_id = c.id AND e.type = 'stamp_added'), 0)`);
    expect(mismatched.n).toBe(0);
    expect(one<{ n: number }>('SELECT count(*) AS n FROM events WHERE at > ' + NOW).n).toBe(0);
    expect(db.sqlite.prepare('PRAGMA foreign_key_check').all()).toEqual([]);
  });

  it('rebuilds every index and trigger it dropped for the bulk load, and the search index', () => {
    const triggers = all<{ name: string }>("SELECT name FROM sqlite_master WHERE type = 'trigger'").map((r) => r.name);
    expect(triggers).toEqual(expect.arrayContaining(['cards_search_insert', 'cards_search_soft_delete', 'customers_search_update']));
    expect(one<{ n: number }>('SELECT count(*) AS n FROM card_search').n).toBe(3000);
    expect(one<{ value: number }>("SELECT value FROM counters WHERE name = 'live_cards'").value).toBe(3000);
    const somchai = one<{ n: number }>("SELECT count(*) AS n FROM customers WHERE name LIKE 'สมชาย%'").n;
    expect(one<{ n: number }>(`SELECT count(*) AS n FROM card_search WHERE card_search MATCH 'name : "สมชาย"'`).n).toBeGreaterThanOrEqual(somchai);
    const indexes = all<{ name: string }>("SELECT name FROM sqlite_master WHERE type = 'index' AND name NOT LIKE 'sqlite_%'").map((r) => r.name);
    for (const name of ['cards_token_unique', 'cards_customer_idx', 'cards_live_created_idx', 'events_card_idx', 'customers_name_key_idx', 'customers_email_key_idx', 'cards_live_progress_idx']) {
      expect(indexes).toContain(name);
    }
  });

  it('refuses to seed a shop that already has cards', () => {
    expect(() => seedDemo(db, { cards: 10 })).toThrow(/already has 3,000 cards/);
    expect(seedDemoIfEmpty(db, 10)).toBeNull();
    expect(one<{ n: number }>('SELECT count(*) AS n FROM cards').n).toBe(3000);
  });
});
