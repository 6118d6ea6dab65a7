import { AppError } from '../../shared/api/errors';
import type { VoucherDetails, VoucherListPage, VoucherSummary } from '../../shared/schemas/vouchers';
import type { Db } from '../db/client';
import { addWireEvent } from '../db/repos/events.repo';
import { cardTokenOf } from '../db/repos/sync-wire.repo';
import { enqueueOutbox } from '../db/repos/outbox.repo';
import { countVouchers, findImage, findVoucher, listVouchers, voidIfActive, voucherEvents } from '../db/repos/vouchers.repo';
import type { CallContext } from '../core/handler-types';
import { sweepExpired } from './expiry';
import { voucherCodesSvg } from './voucher-files';
import { toSummary } from './voucher-view';
import { readCursor, voucherQuery, withListPlan, type ListRequest } from './voucher-query';

export function listVoucherPage(db: Db, request: ListRequest, now: number): VoucherListPage {
  sweepExpired(db, now);
  const limit = request.limit ?? 50;
  const before = readCursor(request.cursor);
  const query = voucherQuery(request);
  const total = countVouchers(db, query);
  const rows = listVouchers(db, withListPlan(query, total), before, limit + 1);
  const page = rows.slice(0, limit);
  return {
    items: page.map((row) => toSummary(row, now)),
    nextCursor: rows.length > limit ? String(page[page.length - 1]!.id) : null,
    total,
  };
}

export function getVoucherDetails(db: Db, id: number, now: number): VoucherDetails {
  sweepExpired(db, now);
  const row = findVoucher(db, id);
  if (!row) throw new AppError('not_found', 'voucher.notFound', { field: 'id', params: { id } });
  const image = row.imageId ? findImage(db, row.imageId) : undefined;
  return {
    ...toSummary(row, now),
    token: row.token,
    description: row.description,
    image: image ? `data:${image.mime};base64,${image.bytes.toString('base64')}` : null,
    ...voucherCodesSvg(row),
    history: voucherEvents(db, id).map((e) => ({ ...e, data: e.data ? (JSON.parse(e.data) as Record<string, unknown>) : null })),
  };
}

/** Voids an active voucher with a reason: it can no longer be redeemed; the card's history and sync are told. */
export function voidVoucher(db: Db, id: number, reason: string, ctx: CallContext): VoucherSummary {
  const now = ctx.now();
  sweepExpired(db, now);
  db.tx(() => {
    const row = findVoucher(db, id);
    if (!row) throw new AppError('not_found', 'voucher.notFound', { field: 'id', params: { id } });
    if (!voidIfActive(db, id, reason, now)) {
      const status = row.status === 'active' ? 'expired' : row.status; // active in the row but past its expiry
      throw new AppError('conflict', `voucher.cannotVoid.${status}`, { field: 'id', params: { id } });
    }
    const { event } = addWireEvent(
      db,
      { cardId: row.cardId, voucherId: id, type: 'voucher_voided', seat: ctx.seat, at: now, data: { reason } },
      { cardToken: cardTokenOf(db, row.cardId), voucherToken: row.token },
    );
    enqueueOutbox(db, { kind: 'voucher.voided', voucherToken: row.token, reason, at: now, seat: ctx.seat }, [event], now);
  });
  return toSummary(findVoucher(db, id)!, now);
}
