import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createCore, type Core } from '../electron/core/create-core';
import { openDatabase } from '../electron/db/client';
import { createRandom } from '../electron/demo/prng';
import type { Measurement } from './lib/report';
import { importCsvOf } from './responsiveness';
import { percentile } from './lib/stats';

const MIGRATIONS = path.resolve('electron/db/migrations');

interface QueryKind {
  kind: string;
  queries: string[];
}

/** Realistic queries drawn from the seeded data: parts of names in each script, e-mails, phones, card numbers. */
function sampleQueries(dataDir: string): QueryKind[] {
  const db = openDatabase({ dataDir, migrationsDir: MIGRATIONS });
  const random = createRandom(7);
  const pick = (sql: string) => (db.sqlite.prepare(sql).all() as Array<Record<string, string | number>>).map((r) => Object.values(r)[0]!);
  const names = (script: RegExp) =>
    (pick('SELECT name FROM customers WHERE id % 997 = 0 LIMIT 2000') as string[]).filter((n) => script.test(n));
  const part = (text: string, min: number, max: number) => {
    const chars = [...text.replace(/\s+/g, '')];
    const length = Math.min(chars.length, random.int(min, max));
    const start = random.int(0, chars.length - length);
    return chars.slice(start, start + length).join('');
  };
  const take = <T>(items: T[], n: number) => Array.from({ length: n }, () => random.pick(items));
  const kinds: QueryKind[] = [
    { kind: 'name part, Latin', queries: take(names(/^[A-Za-z ]+$/), 40).map((n) => part(n, 3, 6)) },
    { kind: 'name part, Thai', queries: take(names(/\p{Script=Thai}/u), 40).map((n) => part(n, 3, 5)) },
    { kind: 'name part, Korean (2 syllables)', queries: take(names(/\p{Script=Hangul}/u), 40).map((n) => [...n].slice(-2).join('')) },
    { kind: 'name part, Arabic script', queries: take(names(/\p{Script=Arabic}/u), 40).map((n) => part(n, 3, 5)) },
    { kind: 'name part, Gujarati', queries: take(names(/\p{Script=Gujarati}/u), 40).map((n) => part(n, 3, 5)) },
    {
      kind: 'e-mail (start, any case)',
      queries: take(pick('SELECT email FROM customers WHERE email IS NOT NULL AND id % 991 = 0 LIMIT 500') as string[], 40).map((e) =>
        e.slice(0, random.int(8, e.length)).toUpperCase(),
      ),
    },
    {
      kind: 'phone, last digits (any format)',
      queries: take(pick('SELECT phone_digits FROM customers WHERE phone_digits IS NOT NULL AND id % 983 = 0 LIMIT 500') as string[], 40).map(
        (d) => {
          const tail = d.slice(-random.int(6, 8));
          return `${tail.slice(0, 3)}-${tail.slice(3)}`;
        },
      ),
    },
    ...phoneQueryKinds(pick, take, random),
    { kind: 'card ID', queries: take(pick('SELECT id FROM cards WHERE id % 977 = 0 LIMIT 500').map(String), 40) },
  ];
  db.close();
  return kinds;
}

type Pick = (sql: string) => Array<string | number>;
type Take = <T>(items: T[], n: number) => T[];

/**
 * Phones typed as at home: the national form (`0912 345 6789`), the international one (`+98 912 345 6789`)
 * and the first 7 digits of the national form (`0912 345`), from numbers that have both forms.
 */
export function phoneQueryKinds(pick: Pick, take: Take, random: ReturnType<typeof createRandom>): QueryKind[] {
  const rows = (pick(
    "SELECT phone_digits || ' ' || phone_national FROM customers WHERE phone_national IS NOT NULL AND id % 983 = 0 LIMIT 500",
  ) as string[]).map((r) => r.split(' ') as [string, string]);
  const spaced = (digits: string) => `${digits.slice(0, 4)} ${digits.slice(4, 7)} ${digits.slice(7)}`.trim();
  return [
    { kind: 'phone, national form (0912 345 6789)', queries: take(rows, 40).map(([, national]) => spaced(national)) },
    { kind: 'phone, international (+98 912 345 6789)', queries: take(rows, 40).map(([international]) => `+${international.slice(0, 2)} ${spaced(international.slice(2))}`) },
    { kind: 'phone, partial national (0912 345)', queries: take(rows, 40).map(([, national]) => spaced(national.slice(0, 7 + random.int(0, 1)))) },
  ];
}

function timeIt(fn: () => unknown, runs: number): number[] {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    fn();
    times.push(performance.now() - started);
  }
  return times;
}

/** cards.search p95 per kind of query, in the core, and the same queries as plain LIKE '%q%' scans. */
export async function benchCardSearch(dataDir: string, only?: (kind: string) => boolean, label = ''): Promise<Measurement[]> {
  const kinds = sampleQueries(dataDir).filter((k) => !only || only(k.kind));
  const core = createCore({ dataDir, migrationsDir: MIGRATIONS, version: 'bench' });
  const results: Measurement[] = [];
  const search = core.handlers['cards.search'];
  const like = core.db.sqlite.prepare(
    `SELECT c.id FROM cards c JOIN customers cu ON cu.id = c.customer_id
     WHERE c.deleted_at IS NULL AND (cu.name LIKE @q OR cu.email LIKE @q OR cu.phone LIKE @q OR CAST(c.id AS TEXT) LIKE @q)
     ORDER BY c.id DESC LIMIT 50`,
  );
  const likeCount = core.db.sqlite.prepare(
    `SELECT count(*) FROM cards c JOIN customers cu ON cu.id = c.customer_id
     WHERE c.deleted_at IS NULL AND (cu.name LIKE @q OR cu.email LIKE @q OR cu.phone LIKE @q OR CAST(c.id AS TEXT) LIKE @q)`,
  );
  for (const { kind, queries } of kinds) {
    // warm-up, then 5 rounds over the sampled queries
    for (const q of queries) search({ query: q }, { seat: 'bench', now: Date.now });
    const times = queries.flatMap((q) => timeIt(() => search({ query: q }, { seat: 'bench', now: Date.now }), 5));
    const found = queries.filter((q) => (search({ query: q }, { seat: 'bench', now: Date.now }) as { total: number }).total > 0).length;
    const likeTimes = queries.slice(0, 3).flatMap((q) => timeIt(() => {
      like.all({ q: `%${q}%` });
      likeCount.get({ q: `%${q}%` });
    }, 1));
    const p95 = percentile(times, 95);
    results.push({
      name: `cards.search p95: ${kind}${label}`,
      value: p95,
      unit: 'ms',
      target: 10,
      lowerIsBetter: true,
      note: `${queries.length} queries ×5, ${found}/${queries.length} found; LIKE scan ${Math.round(percentile(likeTimes, 50))} ms → ${Math.round(percentile(likeTimes, 50) / p95)}× faster`,
    });
  }
  core.close();
  return results;
}

/** First page of the unfiltered list, and opening a card's details with its history. */
export function benchListAndDetails(dataDir: string): Measurement[] {
  const core = createCore({ dataDir, migrationsDir: MIGRATIONS, version: 'bench' });
  const ctx = { seat: 'bench', now: Date.now };
  const h = core.handlers;
  const sorts = ['id', 'name', 'progress', 'created', 'lastStamp'] as const;
  const firstPage = sorts.flatMap((by) => timeIt(() => h['cards.search']({ sort: { by, direction: 'desc' }, limit: 50 }, ctx), 20));
  const ids = (core.db.sqlite.prepare('SELECT id FROM cards WHERE id % 4999 = 0 LIMIT 100').all() as Array<{ id: number }>).map((r) => r.id);
  const details = ids.flatMap((id) =>
    timeIt(() => {
      h['cards.get']({ id }, ctx);
      h['cards.history']({ id }, ctx);
    }, 3),
  );
  core.close();
  return [
    { name: 'first page of the unfiltered list (p95, 5 sorts)', value: percentile(firstPage, 95), unit: 'ms', target: 30, lowerIsBetter: true, note: '50 rows + total' },
    { name: 'open a card: details + history (p95)', value: percentile(details, 95), unit: 'ms', target: 20, lowerIsBetter: true, note: `${ids.length} cards ×3` },
  ];
}

/** Imports 100,000 new cards from CSV into a copy of the seeded shop. */
export async function benchImport(dataDir: string, rows = 100_000): Promise<Measurement[]> {
  const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'stampdesk-bench-import-'));
  fs.copyFileSync(path.join(dataDir, 'stampdesk.db'), path.join(copy, 'stampdesk.db'));
  const core: Core = createCore({ dataDir: copy, migrationsDir: MIGRATIONS, version: 'bench' });
  const csv = importCsvOf(rows);
  const ctx = { seat: 'bench', now: Date.now };
  // the import is asynchronous (it lets the event loop turn between its steps): time it to its answer
  let started = performance.now();
  await core.handlers['cards.importCsv']({ csv, dryRun: true }, ctx);
  const dry = performance.now() - started;
  started = performance.now();
  const report = await core.handlers['cards.importCsv']({ csv, dryRun: false }, ctx);
  const real = performance.now() - started;
  core.close();
  fs.rmSync(copy, { recursive: true, force: true });
  const imported = report.imported;
  return [
    { name: `import ${rows.toLocaleString('en')} CSV rows`, value: real / 1000, unit: 's', target: 15, lowerIsBetter: true, note: `${imported.toLocaleString('en')} imported into the 1M shop; dry run ${(dry / 1000).toFixed(1)} s` },
  ];
}
