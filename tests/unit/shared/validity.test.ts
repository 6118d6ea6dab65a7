import { describe, expect, it } from 'vitest';
import { expiryOf, isPastDate, isValidDate, localDate } from '../../../shared/domain/validity';

const at = (iso: string) => Date.parse(iso);

describe('voucher validity on the shop clock', () => {
  it('UNLIMITED never expires', () => {
    expect(expiryOf({ kind: 'unlimited' }, at('2026-11-23T10:00:00Z'), 'UTC')).toBeNull();
  });

  it('MONTHS: Jan 31 + 1 month is the last day of February, in leap years too', () => {
    expect(expiryOf({ kind: 'months', months: 1 }, at('2027-01-31T10:00:00Z'), 'UTC')).toBe(at('2027-02-28T10:00:00Z'));
    expect(expiryOf({ kind: 'months', months: 1 }, at('2028-01-31T10:00:00Z'), 'UTC')).toBe(at('2028-02-29T10:00:00Z'));
    expect(expiryOf({ kind: 'months', months: 13 }, at('2027-01-31T10:00:00Z'), 'UTC')).toBe(at('2028-02-29T10:00:00Z'));
    expect(expiryOf({ kind: 'months', months: 3 }, at('2026-11-30T10:00:00Z'), 'UTC')).toBe(at('2027-02-28T10:00:00Z'));
  });

  it('DAYS keep the local time across a DST change (Berlin, 29 March 2026)', () => {
    // issued Saturday 12:00 CET (UTC+1); one day later is Sunday 12:00 CEST (UTC+2): 23 hours
    const issued = at('2026-03-28T11:00:00Z');
    expect(expiryOf({ kind: 'days', days: 1 }, issued, 'Europe/Berlin')).toBe(at('2026-03-29T10:00:00Z'));
    // and back in autumn: 25 hours
    expect(expiryOf({ kind: 'days', days: 1 }, at('2026-10-24T10:00:00Z'), 'Europe/Berlin')).toBe(at('2026-10-25T11:00:00Z'));
  });

  it('MONTHS keep the local time across a DST change (New York)', () => {
    // 15 Feb 09:30 EST (UTC-5) + 1 month = 15 Mar 09:30 EDT (UTC-4)
    expect(expiryOf({ kind: 'months', months: 1 }, at('2026-02-15T14:30:00Z'), 'America/New_York')).toBe(at('2026-03-15T13:30:00Z'));
  });

  it('FIXED DATE ends at the end of that day in the shop zone, not at midnight UTC', () => {
    expect(expiryOf({ kind: 'fixed', date: '2026-12-31' }, at('2026-11-23T10:00:00Z'), 'Asia/Bangkok')).toBe(at('2026-12-31T17:00:00Z'));
    expect(expiryOf({ kind: 'fixed', date: '2026-12-31' }, at('2026-11-23T10:00:00Z'), 'America/Los_Angeles')).toBe(at('2027-01-01T08:00:00Z'));
    expect(expiryOf({ kind: 'fixed', date: '2026-03-29' }, at('2026-03-01T10:00:00Z'), 'Europe/Berlin')).toBe(at('2026-03-29T22:00:00Z'));
  });

  it('a fixed date in the past is refused, today is fine, on the shop calendar', () => {
    const now = at('2026-11-23T20:00:00Z'); // already 24 Nov in Bangkok
    expect(localDate(now, 'Asia/Bangkok')).toBe('2026-11-24');
    expect(isPastDate('2026-11-23', now, 'Asia/Bangkok')).toBe(true);
    expect(isPastDate('2026-11-24', now, 'Asia/Bangkok')).toBe(false);
    expect(isPastDate('2026-11-23', now, 'America/New_York')).toBe(false);
    expect(isValidDate('2026-02-29')).toBe(false);
    expect(isValidDate('2028-02-29')).toBe(true);
  });
});
