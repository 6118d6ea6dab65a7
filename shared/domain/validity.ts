import { wallTimeAt, zonedTimeToInstant } from './zoned-time';

export type Validity =
  | { kind: 'unlimited' }
  | { kind: 'days'; days: number }
  | { kind: 'months'; months: number }
  | { kind: 'fixed'; date: string };

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Today's date (YYYY-MM-DD) on the shop's calendar. */
export function localDate(instant: number, zone: string): string {
  const w = wallTimeAt(zone, instant);
  return `${w.year}-${String(w.month).padStart(2, '0')}-${String(w.day).padStart(2, '0')}`;
}

/**
 * When a voucher issued at `issuedAt` stops being valid, as an instant (valid while now < expiry), or
 * null for UNLIMITED. Computed on the shop's wall clock in its IANA zone:
 * - DAYS n: the same local time n calendar days later (a DST change in between does not shift it);
 * - MONTHS n: the same local time n calendar months later, on the last day of the month when the day
 *   does not exist (Jan 31 + 1 month = Feb 28, or Feb 29 in a leap year);
 * - FIXED DATE: the end of that day in the shop's zone (the next local midnight), never midnight UTC.
 */
export function expiryOf(validity: Validity, issuedAt: number, zone: string): number | null {
  if (validity.kind === 'unlimited') return null;
  if (validity.kind === 'fixed') {
    const m = DATE.exec(validity.date);
    if (!m) throw new Error(`not a date: ${validity.date}`);
    const next = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + 1));
    return zonedTimeToInstant(
      { year: next.getUTCFullYear(), month: next.getUTCMonth() + 1, day: next.getUTCDate(), hour: 0, minute: 0, second: 0 },
      zone,
    );
  }
  const w = wallTimeAt(zone, issuedAt);
  const ms = ((issuedAt % 1000) + 1000) % 1000;
  if (validity.kind === 'days') {
    const d = new Date(Date.UTC(w.year, w.month - 1, w.day + validity.days));
    return zonedTimeToInstant(
      { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour: w.hour, minute: w.minute, second: w.second, ms },
      zone,
    );
  }
  const totalMonths = w.year * 12 + (w.month - 1) + validity.months;
  const year = Math.floor(totalMonths / 12);
  const month = (totalMonths % 12) + 1;
  const day = Math.min(w.day, daysInMonth(year, month));
  return zonedTimeToInstant({ year, month, day, hour: w.hour, minute: w.minute, second: w.second, ms }, zone);
}

/** A FIXED DATE before today (on the shop's calendar) is refused; today itself is fine. */
export function isPastDate(date: string, now: number, zone: string): boolean {
  return date < localDate(now, zone);
}

export function isValidDate(date: string): boolean {
  const m = DATE.exec(date);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo);
}
