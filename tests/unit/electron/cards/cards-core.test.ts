import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../../electron/core/create-core';
import { makeTempDir, MIGRATIONS_DIR } from '../../../support/temp-dir';
import { dbFingerprint } from '../../../support/db-fingerprint';

const HEADER = 'card_id,name,email,phone,template_id,template_version,stamps,goal,platforms,created_at,last_stamp_at';
const ROWS = [
  '113772,Olivia Smith,olivia@example.com,+44 7700 900123,1024,2,2,8,web,2026-01-10T09:00:00Z,2026-11-01T10:00:00Z',
  '113773,สมชาย ศรีสุข,somchai@example.com,๐๘๑-๒๓๔-๕๖๗๘,1024,2,8,8,apple|google,2026-02-01T09:00:00Z,2026-11-20T08:00:00Z',
  '113774,김민준,,010-1234-5678,2048,1,0,10,google,2026-03-05,',
];

describe('cards in the core, against a real SQLite file', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let core: Core;
  let now = Date.UTC(2026, 10, 23, 12);
  const call = async (method: string, input: unknown) => core.call(method, input);
  const value = async <T>(method: string, input: unknown): Promise<T> => {
    const result = await call(method, input);
    if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
    return result.value as T;
  };
  beforeEach(async () => {
    temp = makeTempDir();
    core = createCore({ dataDir: temp.dir, migrationsDir: MIGRATIONS_DIR, version: 't', now: () => now });
    await value('cards.importCsv', { csv: [HEADER, ...ROWS].join('\n'), dryRun: false });
  });
  afterEach(() => {
    core.close();
    temp.cleanup();
  });

  it('imports the rows: customers, cards, search entries, card_issued events and the live count', async () => {
    const list = await value<{ total: number; items: Array<{ id: number; platforms: string[] }> }>('cards.search', {});
    expect(list.total).toBe(3);
    expect(list.items.map((i) => i.id)).toEqual([113774, 113773, 113772]);
    expect(list.items[1]!.platforms).toEqual(['apple', 'google']);
    expect((await value<{ total: number }>('cards.search', { query: '민준' })).total).toBe(1);
    const history = await value<{ items: Array<{ type: string }> }>('cards.history', { id: 113772 });
    expect(history.items.map((e) => e.type)).toEqual(['card_issued']);
  });

  it('a date without an offset is read in the shop time zone', async () => {
    const card = await value<{ createdAt: number }>('cards.get', { id: 113774 });
    // UTC is the default zone here unless the machine says otherwise; compare with settings
    const { timeZone } = await value<{ timeZone: string }>('settings.get', {});
    const midnight = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(card.createdAt);
    expect(midnight).toBe('00:00');
  });

  it('delete hides the card from list and search, keeps the row, records who and when, and tells sync', async () => {
    now += 1000;
    await value('cards.delete', { id: 113773 });
    expect((await value<{ total: number }>('cards.search', {})).total).toBe(2);
    expect((await value<{ total: number }>('cards.search', { query: 'สมชาย' })).total).toBe(0);
    expect((await value<{ total: number }>('cards.search', { query: '113773' })).total).toBe(0);
    const card = await value<{ deletedAt: number }>('cards.get', { id: 113773 });
    expect(card.deletedAt).toBe(now);
    const row = core.db.sqlite.prepare('SELECT deleted_by FROM cards WHERE id = 113773').get();
    expect(row).toEqual({ deleted_by: 'back-office' });
    const outbox = core.db.sqlite.prepare("SELECT kind, payload FROM outbox WHERE kind = 'card.deleted'").all() as Array<{ payload: string }>;
    expect(outbox).toHaveLength(1);
    const token = core.db.sqlite.prepare('SELECT token FROM cards WHERE id = 113773').pluck().get();
    expect(JSON.parse(outbox[0]!.payload)).toMatchObject({ operation: { kind: 'card.deleted', cardToken: token, seat: 'back-office' }, events: [{ type: 'card_deleted' }] });
    expect(await call('cards.delete', { id: 113773 })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await call('cards.adjustStamps', { id: 113773, delta: 1, reason: 'x' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('adjusting stamps refuses going below zero; reaching the goal records goal_reached, issues the reward and starts the next round', async () => {
    const before = dbFingerprint(core.db);
    expect(await call('cards.adjustStamps', { id: 113772, delta: -3, reason: 'oops' })).toMatchObject({ ok: false, error: { field: 'delta' } });
    expect(await call('cards.adjustStamps', { id: 113772, delta: 1, reason: '   ' })).toMatchObject({ ok: false, error: { field: 'reason' } });
    expect(dbFingerprint(core.db)).toBe(before);
    const card = await value<{ stamps: number }>('cards.adjustStamps', { id: 113772, delta: 6, reason: 'Missed stamps' });
    expect(card.stamps).toBe(0);
    const types = (await value<{ items: Array<{ type: string; data: Record<string, unknown> }> }>('cards.history', { id: 113772 })).items;
    expect(types.slice(0, 4).map((e) => e.type)).toEqual(['voucher_issued', 'reward_issued', 'goal_reached', 'stamp_added']);
    expect(types[3]!.data).toMatchObject({ count: 6, stamps: 0, reason: 'Missed stamps' });
  });

  it('a message is queued in the outbox and recorded with its status', async () => {
    // 113773 is in Apple Wallet and Google Wallet (a push to a card only on the web is refused: push-message.test.ts)
    const sent = await value<{ messageId: number; status: string }>('cards.sendMessage', { id: 113773, push: 'Free coffee ☕ today' });
    expect(sent.status).toBe('queued');
    const history = (await value<{ items: Array<{ type: string; data: Record<string, unknown> }> }>('cards.history', { id: 113773 })).items;
    expect(history[0]).toMatchObject({ type: 'message_sent', data: { status: 'queued', channels: ['push'] } });
    expect(core.db.sqlite.prepare("SELECT count(*) AS n FROM outbox WHERE kind = 'message.sent'").get()).toEqual({ n: 1 });
    expect(await call('cards.sendMessage', { id: 113773 })).toMatchObject({ ok: false, error: { field: 'push' } });
    expect(await call('cards.sendMessage', { id: 113773, push: '😀'.repeat(21) })).toMatchObject({ ok: false, error: { field: 'push' } });
    expect((await call('cards.sendMessage', { id: 113773, push: '😀'.repeat(20) })).ok).toBe(true);
  });

  it('bad search input gets a clear answer and changes nothing', async () => {
    const before = dbFingerprint(core.db);
    expect(await call('cards.search', { query: 'x'.repeat(10_000) })).toMatchObject({ ok: false, error: { field: 'query' } });
    for (const query of ['"', '*', 'NEAR', '-', "'", '" OR 1=1 --', 'a"b*c NEAR(x)', "'); DROP TABLE cards; --"]) {
      const result = await call('cards.search', { query });
      expect(result.ok, query).toBe(true);
    }
    expect(await call('cards.search', { cursor: 'garbage' })).toMatchObject({ ok: false, error: { field: 'cursor' } });
    expect(await call('cards.search', { filter: { templateVersion: 2 } })).toMatchObject({ ok: false, error: { field: 'filter.templateVersion' } });
    expect(await call('cards.search', { filter: { createdFrom: 10, createdTo: 5 } })).toMatchObject({ ok: false, error: { field: 'filter.createdTo' } });
    expect(dbFingerprint(core.db)).toBe(before);
  });

  it('bad CSV files change nothing and say what is wrong', async () => {
    const before = dbFingerprint(core.db);
    const bad: Array<[string, RegExp]> = [
      [`${HEADER}\n200001,"Broken,a@b.co,,1024,2,1,8,web,2026-01-01,\n`, /Line 2: a quoted field is never closed/],
      [`${HEADER}\n200001,Bro"ken,a@b.co,,1024,2,1,8,web,2026-01-01,\n`, /Line 2: a " inside an unquoted field/],
      [`${HEADER}\n200001,Jos\ufffd,a@b.co,,1024,2,1,8,web,2026-01-01,\n`, /not UTF-8/],
      [`${HEADER.replace(/,/g, '\u0000,')}\n`, /not UTF-8/],
      [`${Array.from({ length: 500_000 }, (_, i) => `c${i}`).join(',')}\n`, /more than 50 columns/],
      ['name,email\nx,y\n', /missing card_id/],
      ['', /empty/],
    ];
    for (const [csv, message] of bad) {
      for (const dryRun of [true, false]) {
        const result = await call('cards.importCsv', { csv, dryRun });
        expect(result, String(message)).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'csv' } });
        if (!result.ok) expect(result.error.message).toMatch(message);
      }
    }
    expect(dbFingerprint(core.db)).toBe(before);
  });

  it('a dry run reports without writing; bad rows are rejected with line and reason', async () => {
    const csv = [
      HEADER,
      '200001,New Person,new@example.com,,1024,2,1,8,web,2026-05-01,',
      '200002,,x@example.com,,1024,2,1,8,web,2026-05-01,',
      '200003,Wrong Goal,,,1024,2,1,9,web,2026-05-01,',
      '200004,Bad Platform,,,1024,2,1,8,fax,2026-05-01,',
      '200005,Bad Date,,,1024,2,1,8,web,31/12/2026,',
      '200001,Twice,,,1024,2,1,8,web,2026-05-01,',
      ROWS[0],
    ].join('\n');
    const before = dbFingerprint(core.db);
    const report = await value<{ imported: number; skipped: number; rejected: Array<{ line: number; reason: string }> }>('cards.importCsv', {
      csv,
      dryRun: true,
    });
    expect(dbFingerprint(core.db)).toBe(before);
    expect(report.imported).toBe(1);
    expect(report.skipped).toBe(1);
    expect(report.rejected.map((r) => r.line)).toEqual([3, 4, 5, 6, 7]);
    expect(report.rejected.map((r) => r.reason)).toEqual([
      'name is empty',
      'goal 9 differs from template 1024 v2 (goal 8)',
      'platform "fax" is not one of web, apple, google',
      expect.stringContaining('created_at "31/12/2026" is not a date'),
      'card 200001 is already on line 2',
    ]);
  });

  it('exports the current result in the import columns with a BOM, and the export imports back unchanged', async () => {
    const file = await value<{ csv: string; rows: number }>('cards.exportCsv', { query: 'สมชาย' });
    expect(file.rows).toBe(1);
    expect(file.csv.startsWith(`\ufeff${HEADER}\r\n`)).toBe(true);
    expect(file.csv).toContain("113773,สมชาย ศรีสุข,somchai@example.com,๐๘๑-๒๓๔-๕๖๗๘");
    const all = await value<{ csv: string }>('cards.exportCsv', {});
    const report = await value<{ skipped: number; imported: number; updated: number }>('cards.importCsv', { csv: all.csv, dryRun: true });
    expect(report).toMatchObject({ skipped: 3, imported: 0, updated: 0 });
  });
});
