import type { MethodInput } from '../../../shared/api/contract';
import { zonedTimeToInstant } from '../../../shared/domain/zoned-time';
import type { VoucherStatus } from '../../../shared/schemas/vouchers';

export interface VoucherFilterForm {
  query: string;
  statuses: VoucherStatus[];
  source: '' | 'free' | 'card';
  /** ISO days in the shop's time zone, '' for none. */
  from: string;
  to: string;
}

export const EMPTY_FILTERS: VoucherFilterForm = { query: '', statuses: [], source: '', from: '', to: '' };

export type VoucherListFilters = Omit<MethodInput<'vouchers.listGrouped'>, 'cursor' | 'limit'>;

/** The start of a day (or of the next one) in the shop's time zone, as an instant. */
function dayStart(date: string, zone: string, next = false): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return undefined;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + (next ? 1 : 0)));
  return zonedTimeToInstant({ year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour: 0, minute: 0, second: 0 }, zone);
}

/** What the form asks the core for; "to" takes in the whole of its day. */
export function toListFilters(form: VoucherFilterForm, zone: string): VoucherListFilters {
  return {
    query: form.query.trim() || undefined,
    status: form.statuses.length ? form.statuses : undefined,
    source: form.source || undefined,
    issuedFrom: dayStart(form.from, zone),
    issuedTo: dayStart(form.to, zone, true),
  };
}

export function isNarrowed(filters: VoucherListFilters): boolean {
  return Object.values(filters).some((v) => v !== undefined);
}
