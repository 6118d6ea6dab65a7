import type { Db } from '../client';
import { countLiveCards } from './counts.repo';
import type { CardFilter, CardSort } from '../../../shared/schemas/cards';

/** What the search box asks the index for (see electron/cards/search-plan.ts). */
export interface CardMatchSpec {
  fts: string | null;
  alsoInName: string[];
  namePrefix: string | null;
  emailPrefix: string | null;
  idRanges: Array<[number, number]>;
  token: string | null;
}

export interface CardListRow {
  id: number;
  name: string;
  email: string | null;
  phone: string | null;
  stamps: number;
  goal: number;
  platforms: number;
  templateId: number;
  templateVersion: number;
  createdAt: number;
  lastStampAt: number | null;
  /** The row's sort key, for the next page's cursor. */
  key: Array<string | number>;
}

/** Sort keys, most significant first; the last one is unique, so keyset paging has no gaps or repeats. */
export const SORT_KEYS: Record<CardSort, readonly string[]> = {
  id: ['c.id'],
  created: ['c.created_at', 'c.id'],
  lastStamp: ['coalesce(c.last_stamp_at, 0)', 'c.id'],
  progress: ['c.stamps * 1.0 / c.goal', 'c.id'],
  name: ['cu.name_key', 'cu.id', 'c.id'],
};

const MAX_CHAR = '\u{10FFFF}';

interface Sql {
  where: string[];
  params: unknown[];
}

function filterSql(filter: CardFilter | undefined, into: Sql): void {
  if (!filter) return;
  if (filter.platforms) {
    const mask = filter.platforms.reduce((m, p) => m | ({ web: 1, apple: 2, google: 4 } as const)[p], 0);
    into.where.push('(c.platforms & ?) != 0');
    into.params.push(mask);
  }
  if (filter.templateId !== undefined) {
    into.where.push('c.template_id = ?');
    into.params.push(filter.templateId);
  }
  if (filter.templateVersion !== undefined) {
    into.where.push('c.template_version = ?');
    into.params.push(filter.templateVersion);
  }
  if (filter.progress) {
    const states = filter.progress.map(
      (state) => ({ notStarted: 'c.stamps = 0', collecting: '(c.stamps > 0 AND c.stamps < c.goal)', goalReached: 'c.stamps >= c.goal' })[state],
    );
    into.where.push(`(${states.join(' OR ')})`);
  }
  const range = (column: string, from: number | undefined, to: number | undefined) => {
    if (from !== undefined) {
      into.where.push(`${column} >= ?`);
      into.params.push(from);
    }
    if (to !== undefined) {
      into.where.push(`${column} < ?`);
      into.params.push(to);
    }
  };
  range('c.created_at', filter.createdFrom, filter.createdTo);
  range('c.last_stamp_at', filter.lastStampFrom, filter.lastStampTo);
}

/** The CTE of matching card ids: a union of index lookups. */
function matchCte(match: CardMatchSpec, params: unknown[]): string {
  const parts: string[] = [];
  if (match.fts) {
    parts.push('SELECT rowid AS id FROM card_search WHERE card_search MATCH ?');
    params.push(match.fts);
  }
  const prefix = (column: string, value: string) => {
    parts.push(`SELECT c2.id FROM customers cu2 JOIN cards c2 ON c2.customer_id = cu2.id WHERE cu2.${column} >= ? AND cu2.${column} < ?`);
    params.push(value, value + MAX_CHAR);
  };
  if (match.namePrefix) prefix('name_key', match.namePrefix);
  if (match.emailPrefix) prefix('email_key', match.emailPrefix);
  for (const [lo, hi] of match.idRanges) {
    parts.push('SELECT id FROM cards WHERE id BETWEEN ? AND ?');
    params.push(lo, hi);
  }
  if (match.token) {
    parts.push('SELECT id FROM cards WHERE token = ?');
    params.push(match.token);
  }
  if (parts.length === 0) parts.push('SELECT NULL WHERE 0');
  return `WITH matched(id) AS (${parts.join(' UNION ')})`;
}

function baseQuery(match: CardMatchSpec | null, filter: CardFilter | undefined): { head: string; from: string; sql: Sql } {
  const sql: Sql = { where: ['c.deleted_at IS NULL'], params: [] };
  let head = '';
  let from = 'cards c JOIN customers cu ON cu.id = c.customer_id';
  if (match) {
    head = matchCte(match, sql.params);
    from = 'matched m JOIN cards c ON c.id = m.id JOIN customers cu ON cu.id = c.customer_id';
    for (const word of match.alsoInName) {
      sql.where.push('instr(cu.name_key, ?) > 0');
      sql.params.push(word);
    }
  }
  filterSql(filter, sql);
  return { head, from, sql };
}

export interface ListPageRequest {
  match: CardMatchSpec | null;
  filter?: CardFilter;
  sort: CardSort;
  direction: 'asc' | 'desc';
  after?: Array<string | number>;
  limit: number;
}

/** One page of live cards in the requested order, starting after the given sort key. */
export function listCardsPage(db: Db, request: ListPageRequest): CardListRow[] {
  const keys = SORT_KEYS[request.sort];
  const { head, from, sql } = baseQuery(request.match, request.filter);
  const where = [...sql.where];
  const params = [...sql.params];
  if (request.after) {
    where.push(`(${keys.join(', ')}) ${request.direction === 'asc' ? '>' : '<'} (${keys.map(() => '?').join(', ')})`);
    params.push(...request.after);
  }
  const order = keys.map((k) => `${k} ${request.direction.toUpperCase()}`).join(', ');
  const statement = `${head}
    SELECT c.id AS id, cu.name AS name, cu.email AS email, cu.phone AS phone, c.stamps AS stamps, c.goal AS goal,
           c.platforms AS platforms, c.template_id AS templateId, c.template_version AS templateVersion,
           c.created_at AS createdAt, c.last_stamp_at AS lastStampAt,
           ${keys.map((k, i) => `${k} AS k${i}`).join(', ')}
    FROM ${from} WHERE ${where.join(' AND ')} ORDER BY ${order} LIMIT ?`;
  params.push(request.limit);
  const rows = db.sqlite.prepare(statement).all(...params) as Array<Omit<CardListRow, 'key'> & Record<string, unknown>>;
  return rows.map((row) => {
    const key = keys.map((_, i) => row[`k${i}`] as string | number);
    for (let i = 0; i < keys.length; i++) delete row[`k${i}`];
    return { ...(row as Omit<CardListRow, 'key'>), key };
  });
}

/** How many live cards match (the list's total). Without query or filter it reads the running counter. */
export function countCards(db: Db, match: CardMatchSpec | null, filter: CardFilter | undefined): number {
  const hasFilter = filter !== undefined && Object.values(filter).some((v) => v !== undefined);
  if (!match && !hasFilter) return countLiveCards(db);
  const { head, from, sql } = baseQuery(match, filter);
  const row = db.sqlite.prepare(`${head} SELECT count(*) AS n FROM ${from} WHERE ${sql.where.join(' AND ')}`).get(...sql.params) as {
    n: number;
  };
  return row.n;
}

/** Every live card matching, in card-number order, in pages (for CSV export). */
export function* iterateCards(db: Db, match: CardMatchSpec | null, filter: CardFilter | undefined): Generator<CardListRow> {
  let after: Array<string | number> | undefined;
  for (;;) {
    const page = listCardsPage(db, { match, filter, sort: 'id', direction: 'asc', after, limit: 5000 });
    yield* page;
    if (page.length < 5000) return;
    after = page[page.length - 1]!.key;
  }
}
