import type { VoucherSummary } from '../../shared/schemas/vouchers';
import type { VoucherRow } from '../db/repos/vouchers.repo';

/** The status as of `now`: an active voucher past its expiry reads as expired everywhere. */
export function statusAt(row: VoucherRow, now: number): VoucherSummary['status'] {
  return row.status === 'active' && row.expiresAt !== null && row.expiresAt <= now ? 'expired' : row.status;
}

export function toSummary(row: VoucherRow, now: number): VoucherSummary {
  return {
    id: row.id,
    title: row.title,
    status: statusAt(row, now),
    redeemCode: row.redeemCode,
    codeKind: row.codeKind,
    cardId: row.cardId,
    customerName: row.customerName,
    batchId: row.batchId,
    source: row.source,
    issuedAt: row.issuedAt,
    expiresAt: row.expiresAt,
    redeemedAt: row.redeemedAt,
    redeemedBy: row.redeemedBy,
    voidedAt: row.voidedAt,
    voidReason: row.voidReason,
  };
}
