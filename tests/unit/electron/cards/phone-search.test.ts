import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../../electron/core/create-core';
import { openDatabase } from '../../../../electron/db/client';
import { dbFingerprint } from '../../../support/db-fingerprint';
import { makeTempDir, migrationsBefore, MIGRATIONS_DIR } from '../../../support/temp-dir';

const HEADER = 'card_id,name,email,phone,template_id,template_version,stamps,goal,platforms,created_at,last_stamp_at';
const card = (id: number, name: string, phone: string) => `${id},${name},,${phone},1024,2,1,8,web,2026-01-10T09:00:00Z,`;
/** A shop's customers: its own country's numbers written at home, visitors' with their code, one that is no number. */
const ROWS = [
  card(200001, 'สมชาย ศรีสุข', '๐๘๑-๒๓๔-๕๖๗๘'), // Thai, written at home in Thai digits
  card(200002, 'علی رضایی', '+98 912 345 6789'), // Iranian visitor, with the code
  card(200003, '김민준', '+82 10-2222-3333'), // Korean visitor
  card(200004, 'Olivia Smith', '+44 7700 900123'), // a fictional UK range: possible, not valid
  card(200005, 'กมลชนก ทองดี', '66891112222'), // with the code but without the +, as spreadsheets leave it
  card(200006, 'Bob Short', '555-12'), // no phone number anywhere
  card(200007, 'رضا احمدی', '۰۹۱۴ ۱۲۳ ۴۵۶۷'), // an Iranian number written without its code (in Persian digits)
  card(200008, 'અમિત પટેલ', '+91 98765 43210'),
];

describe('phone search as people type in their country (real SQLite file)', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let core: Core;
  const value = async <T>(method: string, input: unknown): Promise<T> => {
    const result = await core.call(method, input);
    if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
    return result.value as T;
  };
  const found = async (query: string) =>
    (await value<{ items: Array<{ id: number }> }>('cards.search', { query })).items.map((item) => item.id).sort();

  beforeEach(async () => {
    temp = makeTempDir();
    core = createCore({ dataDir: temp.dir, migrationsDir: MIGRATIONS_DIR, version: 't', expirySweepMs: 0 });
    await value('settings.set', { timeZone: 'Asia/Bangkok' });
    await value('cards.importCsv', { csv: [HEADER, ...ROWS].join('\n'), dryRun: false });
  });
  afterEach(() => {
    core.close();
    temp.cleanup();
  });

  const expectFound = async (cases: Array<[string, number[]]>) => {
    for (const [query, ids] of cases) expect(await found(query), query).toEqual(ids);
  };

  it('a Thai number written at home is found as typed in Thailand: trunk 0 or +66, any digit script, spaces or dashes', async () => {
    await expectFound([
      ['081-234-5678', [200001]],
      ['0812345678', [200001]],
      ['081 234 5678', [200001]],
      ['๐๘๑ ๒๓๔ ๕๖๗๘', [200001]],
      ['+66 81 234 5678', [200001]],
      ['66812345678', [200001]],
      ['+66 (0)81 234 5678', [200001]],
      ['81 234 5678', [200001]], // without the trunk 0
      ['0812 34', [200001]], // partial
      ['+66 812', [200001]],
      ['5678', [200001]], // the last digits, as before
    ]);
  });

  it("a visitor's number stored with its country code is found by its national form as typed at home", async () => {
    await expectFound([
      ['0912 345 6789', [200002]],
      ['0912-345-6789', [200002]],
      ['۰۹۱۲ ۳۴۵ ۶۷۸۹', [200002]], // Persian digits
      ['٠٩١٢٣٤٥٦٧٨٩', [200002]], // Arabic-Indic digits
      ['0912 345', [200002]], // partial
      ['+98 912 345 6789', [200002]],
      ['989123456789', [200002]],
      ['+98 912', [200002]],
      ['010-2222-3333', [200003]], // Korean national form
      ['+82 10 2222 3333', [200003]],
      ['07700 900123', [200004]],
      ['098765 43210', [200008]],
      ['98765-43210', [200008]], // without the trunk 0: by the last digits
      ['0 9 8 7 6 5', [200008]],
    ]);
  });

  it('digits stored with the code but without the +, and numbers that do not parse, stay findable', async () => {
    await expectFound([
      ['0891112222', [200005]],
      ['+66 89 111 2222', [200005]],
      ['66891', [200005]],
      ['555-12', [200006]], // not a phone number: by its digits as written
      ['55512', [200006]],
      ['5512', [200006]],
      ['0914 123', [200007]], // a foreign number written without its code: by its digits as written
      ['۰۹۱۴۱۲۳۴۵۶۷', [200007]],
    ]);
  });

  it('the country can be set: numbers written without a code are read again in it', async () => {
    const forms = () => core.db.sqlite.prepare('SELECT phone_digits AS international, phone_national AS national FROM customers WHERE phone = ?').get('۰۹۱۴ ۱۲۳ ۴۵۶۷');
    expect(forms()).toEqual({ international: '669141234567', national: '09141234567' }); // read as Thai: not a Thai number, but possible
    expect(await found('98914')).toEqual([]);
    await value('settings.set', { phoneCountry: 'IR' });
    expect(forms()).toEqual({ international: '989141234567', national: '09141234567' });
    expect(core.db.sqlite.prepare('SELECT country FROM phone_search').pluck().get()).toBe('IR');
    await expectFound([
      ['+98 914 123 4567', [200007]],
      ['98914', [200007]],
      ['0914 123 4567', [200007]],
      ['0912 345 6789', [200002]], // written with its code: unchanged
      ['081-234-5678', [200001]], // digits as written still find it
    ]);
    // back to the time zone's country
    await value('settings.set', { phoneCountry: '' });
    expect(core.db.sqlite.prepare('SELECT country FROM phone_search').pluck().get()).toBe('TH');
    expect(await found('+66 81 234 5678')).toEqual([200001]);
  });

  it('names in every script are found as before', async () => {
    await expectFound([
      ['สมชาย', [200001]],
      ['ชาย', [200001]],
      ['민준', [200003]],
      ['رضا', [200002, 200007]],
      ['પટેલ', [200008]],
      ['OLIVIA', [200004]],
    ]);
  });

  it('bad input gets the same answers as before and changes nothing', async () => {
    const before = dbFingerprint(core.db);
    for (const query of ['+', '++--', '0', '00', '+0', '()', '1-', '+66', '0-0-0', '9'.repeat(200), '+66 81 234 5678 ext. 9', '(((081)))']) {
      const result = await core.call('cards.search', { query });
      expect(result.ok, query).toBe(true);
    }
    expect(await core.call('cards.search', { query: 'x'.repeat(10_000) })).toMatchObject({ ok: false, error: { field: 'query' } });
    expect(await core.call('settings.set', { phoneCountry: 'th' })).toMatchObject({ ok: false, error: { field: 'phoneCountry' } });
    expect(dbFingerprint(core.db)).toBe(before);
  });

  it('phone queries are answered from indexes alone (EXPLAIN QUERY PLAN: no table scan)', async () => {
    const statements: Array<{ sql: string; params: unknown[] }> = [];
    const prepare = core.db.prepare.bind(core.db);
    (core.db as { prepare: typeof prepare }).prepare = (sql: string) => {
      const statement = prepare(sql);
      const record = (params: unknown[]) => statements.push({ sql, params });
      return new Proxy(statement, {
        get(target, key) {
          const member = Reflect.get(target, key, target) as unknown;
          if (typeof member !== 'function') return member;
          if (key === 'all' || key === 'get') return (...params: unknown[]) => (record(params), (member as (...a: unknown[]) => unknown).apply(target, params));
          return (...args: unknown[]) => {
            const result = (member as (...a: unknown[]) => unknown).apply(target, args);
            return result === target ? new Proxy(target, this) : result; // pluck() and friends return the statement
          };
        },
      });
    };
    const planOf = (sql: string, params: unknown[]) =>
      (core.db.sqlite.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as Array<{ detail: string }>).map((row) => row.detail);
    for (const query of ['0912 345 6789', '+66 81 234 5678', '0812 34', '5678', '٠٩١٢٣']) {
      // the search box's order (card number): matching ids and the total from the indexes alone
      statements.length = 0;
      await value('cards.search', { query });
      expect(statements.filter((s) => /phone_(digits|national|reversed)/.test(s.sql)).length, query).toBeGreaterThan(0);
      for (const { sql, params } of statements) {
        const plan = planOf(sql, params);
        expect(plan.filter((line) => /^SCAN (c|cu|c2|cu2|cards|customers)\b/.test(line)), `${query}\n${sql}\n${plan.join('\n')}`).toEqual([]);
        if (/phone_(digits|national|reversed)/.test(sql)) {
          expect(plan.some((line) => /customers_phone(_national|_reversed)?_idx/.test(line)), `${query}\n${plan.join('\n')}`).toBe(true);
        }
      }
      // other orders: the phone lookups themselves never scan customers
      statements.length = 0;
      await value('cards.search', { query, sort: { by: 'name', direction: 'asc' } });
      for (const { sql, params } of statements) {
        const plan = planOf(sql, params);
        expect(plan.filter((line) => /^SCAN (cu2|c2|customers)\b/.test(line)), `${query}\n${plan.join('\n')}`).toEqual([]);
      }
    }
  });
});

describe('upgrading a database from before national phone search', () => {
  it('fills the national forms of existing customers on the first start, in the shop country', async () => {
    const temp = makeTempDir();
    try {
      const olderDir = migrationsBefore(temp.dir, 'phone_national');

      const dataDir = path.join(temp.dir, 'data');
      const older = openDatabase({ dataDir, migrationsDir: olderDir });
      older.sqlite.exec(`
        INSERT INTO settings (key, value) VALUES ('timeZone', '"Asia/Tehran"');
        INSERT INTO card_templates (id, name, created_at) VALUES (1024, 'Coffee Club', 1);
        INSERT INTO template_versions (template_id, version, goal, created_at) VALUES (1024, 2, 8, 1);
        INSERT INTO customers (id, name, phone, phone_digits, created_at) VALUES
          (1, 'علی رضایی', '۰۹۱۲ ۳۴۵ ۶۷۸۹', '09123456789', 1),
          (2, 'สมชาย ศรีสุข', '+66 81 234 5678', '66812345678', 1),
          (3, 'No Phone', NULL, NULL, 1),
          (4, 'Odd', 'tel. 123', '123', 1);
        INSERT INTO cards (id, token, customer_id, template_id, template_version, stamps, goal, platforms, created_at)
          VALUES (300001, 'tok-300001-aaaaaaaaaaaa', 1, 1024, 2, 0, 8, 1, 1), (300002, 'tok-300002-aaaaaaaaaaaa', 2, 1024, 2, 0, 8, 1, 1),
                 (300003, 'tok-300003-aaaaaaaaaaaa', 3, 1024, 2, 0, 8, 1, 1), (300004, 'tok-300004-aaaaaaaaaaaa', 4, 1024, 2, 0, 8, 1, 1);
      `);
      older.close();

      const core = createCore({ dataDir, migrationsDir: MIGRATIONS_DIR, version: 't', expirySweepMs: 0 });
      try {
        expect(core.db.sqlite.prepare('SELECT id, phone_digits, phone_national FROM customers ORDER BY id').all()).toEqual([
          { id: 1, phone_digits: '989123456789', phone_national: '09123456789' },
          { id: 2, phone_digits: '66812345678', phone_national: '0812345678' },
          { id: 3, phone_digits: null, phone_national: null },
          { id: 4, phone_digits: '123', phone_national: null },
        ]);
        expect(core.db.sqlite.prepare('SELECT country FROM phone_search').pluck().get()).toBe('IR');
        const search = (query: string) => (core.handlers['cards.search']({ query }, { seat: 't', now: Date.now }) as { items: Array<{ id: number }> }).items.map((i) => i.id);
        expect(search('+98 912 345 6789')).toEqual([300001]);
        expect(search('081 234 5678')).toEqual([300002]);
        expect(search('123')).toEqual([300004]);
      } finally {
        core.close();
      }
      // a second start finds everything in step and writes nothing
      const again = createCore({ dataDir, migrationsDir: MIGRATIONS_DIR, version: 't', expirySweepMs: 0 });
      const fingerprint = dbFingerprint(again.db);
      again.close();
      const third = createCore({ dataDir, migrationsDir: MIGRATIONS_DIR, version: 't', expirySweepMs: 0 });
      expect(dbFingerprint(third.db)).toBe(fingerprint);
      third.close();
    } finally {
      temp.cleanup();
    }
  });
});
