import { AppError } from '../../shared/api/errors';
import { codeSearchReadings } from '../../shared/domain/keyboard-layouts';
import { normalizeGeneratedInput, normalizeStaticInput } from '../../shared/domain/redeem-code';
import type { VoucherDetails, VoucherListPage, VoucherSummary } from '../../shared/schemas/vouchers';
import type { Db } from '../db/client';
import { insertEvent } from '../db/repos/events.repo';
import { enqueueOutbox } from '../db/repos/outbox.repo';
import { countVouchers, findImage, findVoucher, listVouchers, voidIfActive, voucherEvents, type VoucherQuery } from '../db/repos/vouchers.repo';
import type { CallContext } from '../core/handler-types';
import { sweepExpired } from './expiry';
import { voucherCodesSvg } from './voucher-files';
import { toSummary } from './voucher-view';

export interface ListRequest extends Omit<VoucherQuery, 'codePrefixes'> {
  cursor?: string;
  limit?: number;
}

export function listVoucherPage(db: Db, request: ListRequest, now: number): VoucherListPage {
  sweepExpired(db, now);
  const limit = request.limit ?? 50;
  const before = request.cursor === undefined ? undefined : Number(request.cursor);
  if (before !== undefined && (!Number.isSafeInteger(before) || before < 1)) {
    throw new AppError('invalid_input', 'list.badCursor', { field: 'cursor' });
  }
  // generated codes are stored without hyphens and with O→0, I/L→1; POS codes upper case as typed; a whole
  // code typed through a Thai, Korean or Persian layout is found as the keys pressed
  const codePrefixes = request.query
    ? [normalizeGeneratedInput(request.query), normalizeStaticInput(request.query), ...codeSearchReadings(request.query)]
    : undefined;
  const query: VoucherQuery = { ...request, codePrefixes };
  const rows = listVouchers(db, query, before, limit + 1);
  const page = rows.slice(0, limit);
  return {
    items: page.map((row) => toSummary(row, now)),
    nextCursor: rows.length > limit ? String(page[page.length - 1]!.id) : null,
    total: countVouchers(db, query),
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
    insertEvent(db, { cardId: row.cardId, voucherId: id, type: 'voucher_voided', seat: ctx.seat, at: now, data: { reason } });
    enqueueOutbox(db, 'voucher.voided', { voucherId: id, token: row.token, reason, at: now, seat: ctx.seat }, now);
  });
  return toSummary(findVoucher(db, id)!, now);
}
