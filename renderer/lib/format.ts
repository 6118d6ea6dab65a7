import type { Settings } from '../../shared/schemas/settings';

/** Dates and times in the shop's time zone and language. */
export function formatDateTime(t: number | null, settings: Pick<Settings, 'timeZone' | 'locale'>): string {
  if (t === null) return '—';
  return new Intl.DateTimeFormat(settings.locale, { timeZone: settings.timeZone, dateStyle: 'medium', timeStyle: 'short' }).format(t);
}

export function formatDate(t: number | null, settings: Pick<Settings, 'timeZone' | 'locale'>): string {
  if (t === null) return '—';
  return new Intl.DateTimeFormat(settings.locale, { timeZone: settings.timeZone, dateStyle: 'medium' }).format(t);
}

export function formatNumber(n: number, locale: string): string {
  return new Intl.NumberFormat(locale).format(n);
}

export function percent(stamps: number, goal: number): number {
  return goal > 0 ? Math.round((Math.min(stamps, goal) / goal) * 100) : 0;
}
