import type { VoucherSummary } from '../../shared/schemas/vouchers';
import type { VoucherRow } from '../db/repos/vouchers.repo';

/** The status as of `now`: an active voucher past its expiry reads as expired everywhere. */
export function statusAt(row: VoucherRow, now: number): VoucherSummary['status'] {
  return row.status === 'active' && row.expiresAt !== null && row.expiresAt <= now ? 'expired' : row.status;
}

/** What the API shows of a voucher: the stored row without its token, description and image, status as of `now`. */
export function toSummary(row: VoucherRow, now: number): VoucherSummary {
  const { token: _token, description: _description, imageId: _imageId, ...summary } = row;
  return { ...summary, status: statusAt(row, now) };
}
