import type { Db } from '../client';
import { countLiveCards } from './counts.repo';
import type { CardFields } from './card-fields';
import type { CardFilter, CardSort } from '../../../shared/schemas/cards';

/** What the search box asks the index for (see electron/cards/search-plan.ts). */
export interface CardMatchSpec {
  fts: string | null;
  alsoInName: string[];
  namePrefix: string | null;
  emailPrefix: string | null;
  phonePrefixes: string[];
  phoneSuffixReversed: string | null;
  idRanges: Array<[number, number]>;
  token: string | null;
  tokenPatterns: Array<{ lower: string; glob: string }>;
}

export interface CardListRow extends CardFields {
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

interface Branch {
  /** Selects matching live card ids as `id`. */
  sql: string;
  params: unknown[];
  /** The id column inside the branch, for keyset constraints that reach the index. */
  idColumn: string;
  fts: boolean;
}

/** The index lookups a search is the union of; every branch yields live cards only. */
function branches(match: CardMatchSpec): Branch[] {
  const list: Branch[] = [];
  if (match.fts) {
    list.push({ sql: 'SELECT rowid AS id FROM card_search WHERE card_search MATCH ?', params: [match.fts], idColumn: 'rowid', fts: true });
  }
  const prefix = (column: string, value: string) =>
    list.push({
      sql: `SELECT c2.id AS id FROM customers cu2 JOIN cards c2 ON c2.customer_id = cu2.id
            WHERE cu2.${column} >= ? AND cu2.${column} < ? AND c2.deleted_at IS NULL`,
      params: [value, value + MAX_CHAR],
      idColumn: 'c2.id',
      fts: false,
    });
  if (match.namePrefix) prefix('name_key', match.namePrefix);
  if (match.emailPrefix) prefix('email_key', match.emailPrefix);
  // each prefix against both forms of the phone (international, national as typed at home)
  for (const digits of match.phonePrefixes) {
    prefix('phone_digits', digits);
    prefix('phone_national', digits);
  }
  if (match.phoneSuffixReversed) prefix('phone_reversed', match.phoneSuffixReversed);
  for (const [lo, hi] of match.idRanges) {
    list.push({ sql: 'SELECT id FROM cards WHERE id BETWEEN ? AND ? AND deleted_at IS NULL', params: [lo, hi], idColumn: 'id', fts: false });
  }
  if (match.token) {
    list.push({ sql: 'SELECT id FROM cards WHERE token = ? AND deleted_at IS NULL', params: [match.token], idColumn: 'id', fts: false });
  }
  for (const pattern of match.tokenPatterns) {
    list.push({
      sql: 'SELECT id FROM cards INDEXED BY cards_token_lower_idx WHERE lower(token) = ? AND token GLOB ? AND deleted_at IS NULL',
      params: [pattern.lower, pattern.glob],
      idColumn: 'id',
      fts: false,
    });
  }
  return list;
}

/**
 * A SELECT of the live card ids a search matches (its `id` column), for other lists that search by the
 * customer (the Vouchers section): the same index lookups, never a scan of the cards.
 */
export function matchingCardIdsSql(match: CardMatchSpec): { sql: string; params: unknown[] } {
  const params: unknown[] = [];
  const parts = branches(match).map((branch) => {
    params.push(...branch.params);
    return branch.sql;
  });
  if (parts.length === 0) return { sql: 'SELECT NULL AS id WHERE 0', params: [] };
  if (match.alsoInName.length === 0) return { sql: parts.join(' UNION '), params };
  params.push(...match.alsoInName);
  return {
    sql: `SELECT c3.id AS id FROM (${parts.join(' UNION ')}) m3 JOIN cards c3 ON c3.id = m3.id JOIN customers cu3 ON cu3.id = c3.customer_id
          WHERE ${match.alsoInName.map(() => 'instr(cu3.name_key, ?) > 0').join(' AND ')}`,
    params,
  };
}

/** The CTE of matching card ids: a union of index lookups. */
function matchCte(match: CardMatchSpec, params: unknown[]): string {
  const parts = branches(match).map((branch) => {
    params.push(...branch.params);
    return branch.sql;
  });
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

const hasFilter = (filter: CardFilter | undefined) => filter !== undefined && Object.values(filter).some((v) => v !== undefined);

/**
 * A search sorted by card number with nothing else to check needs no table access to choose the
 * page or count the total: the matching ids alone answer both, and only one page of rows is read.
 */
export function isIdsOnlySearch(match: CardMatchSpec | null, filter: CardFilter | undefined): match is CardMatchSpec {
  return match !== null && match.alsoInName.length === 0 && !hasFilter(filter);
}

const SELECT_COLUMNS = `c.id AS id, cu.name AS name, cu.email AS email, cu.phone AS phone, c.stamps AS stamps, c.goal AS goal,
           c.platforms AS platforms, c.template_id AS templateId, c.template_version AS templateVersion,
           c.created_at AS createdAt, c.last_stamp_at AS lastStampAt`;

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
    SELECT ${SELECT_COLUMNS}, ${keys.map((k, i) => `${k} AS k${i}`).join(', ')}
    FROM ${from} WHERE ${where.join(' AND ')} ORDER BY ${order} LIMIT ?`;
  params.push(request.limit);
  const rows = db.prepare(statement).all(...params) as Array<Omit<CardListRow, 'key'> & Record<string, unknown>>;
  return rows.map((row) => {
    const key = keys.map((_, i) => row[`k${i}`] as string | number);
    for (let i = 0; i < keys.length; i++) delete row[`k${i}`];
    return { ...(row as Omit<CardListRow, 'key'>), key };
  });
}

/**
 * One page of matching card ids in card-number order, after `after`: each index lookup gives its own
 * first `limit` ids (the search index streams them in rowid order and stops), merged here.
 */
export function matchingIdsPage(
  db: Db,
  match: CardMatchSpec,
  direction: 'asc' | 'desc',
  after: number | undefined,
  limit: number,
): number[] {
  const desc = direction === 'desc';
  const seen = new Set<number>();
  for (const branch of branches(match)) {
    const where = after === undefined ? '' : ` AND ${branch.idColumn} ${desc ? '<' : '>'} ?`;
    const ids = db
      .prepare(`${branch.sql}${where} ORDER BY ${branch.idColumn} ${desc ? 'DESC' : 'ASC'} LIMIT ?`)
      .pluck()
      .all(...branch.params, ...(after === undefined ? [] : [after]), limit) as number[];
    for (const id of ids) seen.add(id);
  }
  return [...seen].sort((a, b) => (desc ? b - a : a - b)).slice(0, limit);
}

/** How many live cards the search matches: the search index counts its own matches without reading rows. */
export function countMatching(db: Db, match: CardMatchSpec): number {
  const list = branches(match);
  if (list.length === 1 && list[0]!.fts) {
    // the index counts its own matches without surfacing them
    return db.prepare('SELECT count(*) FROM card_search WHERE card_search MATCH ?').pluck().get(match.fts) as number;
  }
  const params: unknown[] = [];
  const head = matchCte(match, params);
  return db.prepare(`${head} SELECT count(*) FROM matched`).pluck().get(...params) as number;
}

/** The list rows of the given cards, in the given order. */
export function cardsByIds(db: Db, ids: readonly number[], direction: 'asc' | 'desc'): CardListRow[] {
  if (ids.length === 0) return [];
  const rows = db
    .prepare(
      `SELECT ${SELECT_COLUMNS} FROM cards c JOIN customers cu ON cu.id = c.customer_id
       WHERE c.id IN (SELECT value FROM json_each(?)) ORDER BY c.id ${direction === 'desc' ? 'DESC' : 'ASC'}`,
    )
    .all(JSON.stringify(ids)) as Array<Omit<CardListRow, 'key'>>;
  return rows.map((row) => ({ ...row, key: [row.id] }));
}

/** How many live cards match (the list's total). Without query or filter it reads the running counter. */
export function countCards(db: Db, match: CardMatchSpec | null, filter: CardFilter | undefined): number {
  if (!match && !hasFilter(filter)) return countLiveCards(db);

  const { head, from, sql } = baseQuery(match, filter);
  const row = db.prepare(`${head} SELECT count(*) AS n FROM ${from} WHERE ${sql.where.join(' AND ')}`).get(...sql.params) as {
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
