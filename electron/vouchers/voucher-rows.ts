import type { VoucherListRow, VoucherRowsPage } from '../../shared/schemas/vouchers';
import type { Db } from '../db/client';
import { batchAggregate, batchFirstId, countVouchers, findVouchersByIds, listMatchingIds, type VoucherQuery } from '../db/repos/vouchers.repo';
import { sweepExpired } from './expiry';
import { toSummary } from './voucher-view';
import { readCursor, voucherQuery, withListPlan, type ListRequest } from './voucher-query';

type Entry = { kind: 'voucher'; id: number } | { kind: 'batch'; batchId: number };

/**
 * vouchers.listGrouped: the Vouchers section's rows, newest first. A voucher of a batch stands for its whole
 * batch, listed once where its newest matching voucher is; the walk then jumps past the batch (a batch's
 * vouchers have consecutive ids, one transaction made them), so a 10,000-voucher batch costs one lookup,
 * not 10,000 rows. The cursor is the id the next page continues before.
 */
export function listVoucherRows(db: Db, request: ListRequest, now: number): VoucherRowsPage {
  sweepExpired(db, now);
  const limit = request.limit ?? 50;
  const total = countVouchers(db, voucherQuery(request));
  const query = withListPlan(voucherQuery(request), total);
  const entries: Entry[] = [];
  let position = readCursor(request.cursor) ?? Number.MAX_SAFE_INTEGER;
  let nextCursor: string | null = null;
  walk: for (;;) {
    const found = listMatchingIds(db, query, position, limit + 1);
    for (const row of found) {
      if (row.id >= position) continue; // inside a batch already listed
      if (entries.length === limit) {
        nextCursor = String(position);
        break walk;
      }
      if (row.batchId === null) {
        entries.push({ kind: 'voucher', id: row.id });
        position = row.id;
      } else {
        entries.push({ kind: 'batch', batchId: row.batchId });
        position = batchFirstId(db, row.batchId);
      }
    }
    if (found.length <= limit) break;
  }
  return { rows: toRows(db, entries, query, now), nextCursor, total };
}

function toRows(db: Db, entries: Entry[], query: VoucherQuery, now: number): VoucherListRow[] {
  const vouchers = new Map(findVouchersByIds(db, entries.flatMap((e) => (e.kind === 'voucher' ? [e.id] : []))).map((row) => [row.id, row]));
  const narrowed = Boolean(query.query || query.status?.length || query.source || query.issuedFrom !== undefined || query.issuedTo !== undefined);
  return entries.map((entry): VoucherListRow => {
    if (entry.kind === 'voucher') return { kind: 'voucher', voucher: toSummary(vouchers.get(entry.id)!, now) };
    const batch = batchAggregate(db, entry.batchId, now);
    return {
      kind: 'batch',
      batchId: batch.batchId,
      title: batch.title,
      quantity: batch.quantity,
      matching: narrowed ? countVouchers(db, { ...query, batchId: entry.batchId }) : batch.quantity,
      counts: { active: batch.active, redeemed: batch.redeemed, expired: batch.expired, voided: batch.voided },
      redeemCode: batch.staticCode,
      issuedAt: batch.issuedAt,
      expiresAt: batch.expiresAt,
    };
  });
}
