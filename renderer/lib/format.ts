/** Dates and numbers on screen: the one formatter module (shared/i18n/format.ts), in the shop's zone and language. */
export { formatDate, formatDateTime, formatIsoDate, formatList, formatNumber, formatPercent, formatTime, NO_DATE, type DateContext } from '../../shared/i18n/format';

export function percent(stamps: number, goal: number): number {
  return goal > 0 ? Math.round((Math.min(stamps, goal) / goal) * 100) : 0;
}
