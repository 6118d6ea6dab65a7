import type { Db } from '../client';
import { createBatchInserter } from '../batch-inserter';
import { newUids } from './events.repo';
import type { VoucherSummary } from '../../../shared/schemas/vouchers';

/** A stored voucher: what the API shows of it, plus its token, description and image. */
export interface VoucherRow extends VoucherSummary {
  token: string;
  description: string | null;
  imageId: string | null;
}

const COLUMNS = `v.id, v.token, v.batch_id AS batchId, v.card_id AS cardId, cu.name AS customerName, v.title, v.description,
  v.image_id AS imageId, v.code_kind AS codeKind, v.redeem_code AS redeemCode, v.status, v.source, v.issued_at AS issuedAt,
  v.expires_at AS expiresAt, v.redeemed_at AS redeemedAt, v.redeemed_by AS redeemedBy, v.redeem_state AS redeemState, v.voided_at AS voidedAt, v.void_reason AS voidReason`;
const JOINS = 'LEFT JOIN cards c ON c.id = v.card_id LEFT JOIN customers cu ON cu.id = c.customer_id';
const FROM = `vouchers v ${JOINS}`;

export interface NewVoucher {
  token: string;
  batchId: number | null;
  cardId: number | null;
  title: string;
  description: string | null;
  imageId: string | null;
  codeKind: 'generated' | 'static' | null;
  redeemCode: string | null;
  source: string;
  issuedAt: number;
  expiresAt: number | null;
  /** The global id of its voucher_issued event; a new random one when absent. */
  eventUid?: string;
}

/** A new batch with its global id. */
export function insertBatch(db: Db, quantity: number, at: number, uid: string): number {
  return Number(db.prepare('INSERT INTO voucher_batches (uid, quantity, created_at) VALUES (?, ?, ?)').run(uid, quantity, at).lastInsertRowid);
}

/** The data of a voucher's voucher_issued event. */
export function voucherIssuedData(v: NewVoucher): Record<string, unknown> {
  return { title: v.title, code: v.redeemCode, expiresAt: v.expiresAt };
}

/** Inserts vouchers (one transaction is the caller's) and their voucher_issued events; returns their ids in order. */
export function insertVouchers(db: Db, vouchers: readonly NewVoucher[], seat: string): number[] {
  const firstId = (db.prepare('SELECT coalesce(max(id), 0) + 1 AS n FROM vouchers').get() as { n: number }).n;
  const rows = createBatchInserter(db.sqlite, 'vouchers', [
    'id', 'token', 'batch_id', 'card_id', 'title', 'description', 'image_id', 'code_kind', 'redeem_code', 'status', 'source', 'issued_at', 'expires_at',
  ]);
  const events = createBatchInserter(db.sqlite, 'events', ['uid', 'card_id', 'voucher_id', 'type', 'seat', 'at', 'data']);
  const uids = newUids(vouchers.length);
  const ids: number[] = [];
  vouchers.forEach((v, i) => {
    const id = firstId + i;
    ids.push(id);
    rows.add(id, v.token, v.batchId, v.cardId, v.title, v.description, v.imageId, v.codeKind, v.redeemCode, 'active', v.source, v.issuedAt, v.expiresAt);
    events.add(v.eventUid ?? uids[i], v.cardId, id, 'voucher_issued', seat, v.issuedAt, JSON.stringify(voucherIssuedData(v)));
  });
  rows.flush();
  events.flush();
  return ids;
}

/** Which of these generated codes exist already. */
export function existingGeneratedCodes(db: Db, codes: readonly string[]): Set<string> {
  const found = db
    .prepare("SELECT redeem_code FROM vouchers WHERE code_kind = 'generated' AND redeem_code IN (SELECT value FROM json_each(?))")
    .pluck()
    .all(JSON.stringify(codes)) as string[];
  return new Set(found);
}

export function findVoucher(db: Db, id: number): VoucherRow | undefined {
  return db.prepare(`SELECT ${COLUMNS} FROM ${FROM} WHERE v.id = ?`).get(id) as VoucherRow | undefined;
}

export function findVoucherByToken(db: Db, token: string): VoucherRow | undefined {
  return db.prepare(`SELECT ${COLUMNS} FROM ${FROM} WHERE v.token = ?`).get(token) as VoucherRow | undefined;
}

export function findVoucherByGeneratedCode(db: Db, code: string): VoucherRow | undefined {
  return db.prepare(`SELECT ${COLUMNS} FROM ${FROM} WHERE v.redeem_code = ? AND v.code_kind = 'generated'`).get(code) as VoucherRow | undefined;
}

/** Vouchers carrying a static POS code: the active ones first, then the most recently used. */
export function findVouchersByStaticCode(db: Db, code: string, limit = 20): VoucherRow[] {
  return db
    .prepare(
      `SELECT ${COLUMNS} FROM ${FROM} WHERE v.redeem_code = ? AND v.code_kind = 'static'
       ORDER BY v.status = 'active' DESC, coalesce(v.redeemed_at, v.issued_at) DESC LIMIT ?`,
    )
    .all(code, limit) as VoucherRow[];
}

/**
 * The redemption itself: one conditional UPDATE. It changes the row only while the voucher is active and
 * not expired, so of any number of simultaneous attempts exactly one sees a change.
 */
export function redeemIfActive(db: Db, id: number, seat: string, at: number, state: 'confirmed' | 'provisional' = 'confirmed'): boolean {
  return (
    db
      .prepare(
        `UPDATE vouchers SET status = 'redeemed', redeemed_at = ?, redeemed_by = ?, redeem_state = ?
         WHERE id = ? AND status = 'active' AND (expires_at IS NULL OR expires_at > ?)`,
      )
      .run(at, seat, state, id, at).changes === 1
  );
}

export function voidIfActive(db: Db, id: number, reason: string, at: number): boolean {
  return (
    db.prepare(`UPDATE vouchers SET status = 'voided', voided_at = ?, void_reason = ? WHERE id = ? AND status = 'active'`).run(at, reason, id)
      .changes === 1
  );
}

/**
 * Marks active vouchers past their expiry as expired; returns them (for their voucher_expired events). Runs
 * before every voucher read, so it names its partial index: the planner once chose a status index instead
 * and scanned every active voucher (250 ms per call over a million).
 */
export function expireDue(db: Db, at: number): Array<{ id: number; token: string; cardId: number | null; expiresAt: number }> {
  return db
    .prepare(
      `UPDATE vouchers INDEXED BY vouchers_active_expiry_idx SET status = 'expired' WHERE status = 'active' AND expires_at IS NOT NULL AND expires_at <= ?
       RETURNING id, token, card_id AS cardId, expires_at AS expiresAt`,
    )
    .all(at) as Array<{ id: number; token: string; cardId: number | null; expiresAt: number }>;
}

export interface VoucherQuery {
  query?: string;
  /** The query as the start of a code, in each way codes are stored (generated, POS). */
  codePrefixes?: string[];
  status?: string[];
  source?: 'free' | 'card';
  issuedFrom?: number;
  issuedTo?: number;
  batchId?: number;
  /** Live card ids whose customer the query names (a SELECT of `id`), matched through the card search index. */
  customers?: { sql: string; params: unknown[] };
  /** A search that matches few vouchers: list them from the matches rather than from the newest voucher. */
  matchesFirst?: boolean;
}

interface Selection {
  /** A WITH clause (the search's matches, when they drive the query), or ''. */
  head: string;
  /** The vouchers as `v`. */
  from: string;
  where: string[];
  params: unknown[];
}

/**
 * The vouchers a query selects. A search is the union of index lookups, each on an index of its own: the start
 * of a code (index ranges), a part of a title (matched in the few distinct titles, then their vouchers by the
 * title index) and the customer's name (the cards the card search index finds, then their vouchers by the
 * card index). Counted, SQLite ORs the lookups (multi-index OR). Listed newest first, it depends on how many
 * match: a few (`matchesFirst`) drive the query (CROSS JOIN keeps them the outer loop) and are sorted, so a
 * rare match never walks through every voucher; many are met soon enough walking the newest vouchers.
 */
function select(q: VoucherQuery): Selection {
  const params: unknown[] = [];
  const where: string[] = [];
  let head = '';
  let from = 'vouchers v';
  if (q.query) {
    const prefixes = [...new Set(q.codePrefixes ?? [q.query])].filter((p) => p !== '');
    // each lookup names its columns through `col`: bare inside the union, as `v.` columns in the OR
    const lookups: Array<(col: (name: string) => string) => string> = [];
    for (const prefix of prefixes) {
      lookups.push((col) => `${col('redeem_code')} >= ? AND ${col('redeem_code')} < ?`);
      params.push(prefix, `${prefix}\u{10FFFF}`);
    }
    lookups.push((col) => `${col('title')} IN (SELECT title FROM voucher_titles WHERE title LIKE ? ESCAPE '\\')`);
    params.push(`%${q.query.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    if (q.customers) {
      const customers = q.customers;
      lookups.push((col) => `${col('card_id')} IN (${customers.sql})`);
      params.push(...customers.params);
    }
    if (q.matchesFirst) {
      head = `WITH found(id) AS (${lookups.map((lookup) => `SELECT id FROM vouchers WHERE ${lookup((name) => name)}`).join(' UNION ')})`;
      from = 'found f CROSS JOIN vouchers v ON v.id = f.id';
    } else {
      where.push(`(${lookups.map((lookup) => `(${lookup((name) => `v.${name}`)})`).join(' OR ')})`);
    }
  }
  if (q.status?.length) {
    where.push(`v.status IN (${q.status.map(() => '?').join(', ')})`);
    params.push(...q.status);
  }
  if (q.source === 'free') where.push('v.card_id IS NULL');
  if (q.source === 'card') where.push('v.card_id IS NOT NULL');
  if (q.issuedFrom !== undefined) {
    where.push('v.issued_at >= ?');
    params.push(q.issuedFrom);
  }
  if (q.issuedTo !== undefined) {
    where.push('v.issued_at < ?');
    params.push(q.issuedTo);
  }
  if (q.batchId !== undefined) {
    where.push('v.batch_id = ?');
    params.push(q.batchId);
  }
  return { head, from, where, params };
}

const whereSql = (parts: string[]) => (parts.length ? `WHERE ${parts.join(' AND ')}` : '');

/** Newest first, keyset on id. */
export function listVouchers(db: Db, q: VoucherQuery, beforeId: number | undefined, limit: number): VoucherRow[] {
  const s = select(q);
  return db
    .prepare(`${s.head} SELECT ${COLUMNS} FROM ${s.from} ${JOINS} ${whereSql([...s.where, 'v.id < ?'])} ORDER BY v.id DESC LIMIT ?`)
    .all(...s.params, beforeId ?? Number.MAX_SAFE_INTEGER, limit) as VoucherRow[];
}

export function countVouchers(db: Db, q: VoucherQuery): number {
  const s = select({ ...q, matchesFirst: false });
  return db.prepare(`${s.head} SELECT count(*) FROM ${s.from} ${whereSql(s.where)}`).pluck().get(...s.params) as number;
}

/** The matching vouchers' ids and batches, newest first, before `beforeId`: what the grouped list walks. */
export function listMatchingIds(db: Db, q: VoucherQuery, beforeId: number, limit: number): Array<{ id: number; batchId: number | null }> {
  const s = select(q);
  return db
    .prepare(`${s.head} SELECT v.id AS id, v.batch_id AS batchId FROM ${s.from} ${whereSql([...s.where, 'v.id < ?'])} ORDER BY v.id DESC LIMIT ?`)
    .all(...s.params, beforeId, limit) as Array<{
    id: number;
    batchId: number | null;
  }>;
}

/** The first voucher id of a batch (its vouchers have consecutive ids: one transaction made them). */
export function batchFirstId(db: Db, batchId: number): number {
  return db.prepare('SELECT min(id) FROM vouchers WHERE batch_id = ?').pluck().get(batchId) as number;
}

export interface BatchAggregate {
  batchId: number;
  title: string;
  quantity: number;
  active: number;
  redeemed: number;
  expired: number;
  voided: number;
  /** The POS code the batch shares, else null. */
  staticCode: string | null;
  issuedAt: number;
  expiresAt: number | null;
}

/**
 * One batch by status as of `now` (an active voucher past its expiry counts as expired): counted from the
 * batch/status/expiry index alone, then what the batch's vouchers share read from its first one.
 */
export function batchAggregate(db: Db, batchId: number, now: number): BatchAggregate {
  const counts = db
    .prepare(
      `SELECT count(*) AS quantity, min(id) AS firstId,
         sum(status = 'active' AND (expires_at IS NULL OR expires_at > @now)) AS active,
         sum(status = 'redeemed') AS redeemed,
         sum(status = 'expired' OR (status = 'active' AND expires_at <= @now)) AS expired,
         sum(status = 'voided') AS voided
       FROM vouchers INDEXED BY vouchers_batch_status_idx WHERE batch_id = @batchId`,
    )
    .get({ batchId, now }) as Omit<BatchAggregate, 'batchId' | 'title' | 'staticCode' | 'issuedAt' | 'expiresAt'> & { firstId: number };
  const first = db
    .prepare(
      `SELECT title, CASE WHEN code_kind = 'static' THEN redeem_code END AS staticCode, issued_at AS issuedAt, expires_at AS expiresAt
       FROM vouchers WHERE id = ?`,
    )
    .get(counts.firstId) as Pick<BatchAggregate, 'title' | 'staticCode' | 'issuedAt' | 'expiresAt'>;
  const { firstId: _firstId, ...byStatus } = counts;
  return { batchId, ...first, ...byStatus };
}

export function findVouchersByIds(db: Db, ids: readonly number[]): VoucherRow[] {
  if (ids.length === 0) return [];
  return db.prepare(`SELECT ${COLUMNS} FROM ${FROM} WHERE v.id IN (SELECT value FROM json_each(?))`).all(JSON.stringify(ids)) as VoucherRow[];
}

export function findBatchVouchers(db: Db, batchId: number): VoucherRow[] {
  return db.prepare(`SELECT ${COLUMNS} FROM ${FROM} WHERE v.batch_id = ? ORDER BY v.id`).all(batchId) as VoucherRow[];
}

export function voucherEvents(db: Db, voucherId: number): Array<{ id: number; type: string; seat: string; at: number; data: string | null }> {
  return db.prepare('SELECT id, type, seat, at, data FROM events WHERE voucher_id = ? ORDER BY id DESC').all(voucherId) as Array<{
    id: number;
    type: string;
    seat: string;
    at: number;
    data: string | null;
  }>;
}

export function findImage(db: Db, id: string): { mime: string; bytes: Buffer } | undefined {
  return db.prepare('SELECT mime, bytes FROM images WHERE id = ?').get(id) as { mime: string; bytes: Buffer } | undefined;
}
