const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(zone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(zone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(zone, formatter);
  }
  return formatter;
}

export interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** What the wall clock in `zone` shows at instant `t` (ms). */
export function wallTimeAt(zone: string, t: number): WallTime {
  const parts = formatterFor(zone).formatToParts(new Date(t));
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return { year: get('year'), month: get('month'), day: get('day'), hour: get('hour'), minute: get('minute'), second: get('second') };
}

const HOUR = 3_600_000;
const offsetCache = new Map<string, number>();

/**
 * The zone's offset from UTC at instant `t`, in ms (Asia/Bangkok: +7 h). Offsets change on whole
 * quarter hours at most, so they are remembered per zone and quarter hour (Intl is slow).
 */
export function zoneOffsetMs(zone: string, t: number): number {
  const bucket = Math.floor(t / (HOUR / 4));
  const key = `${zone}@${bucket}`;
  const cached = offsetCache.get(key);
  if (cached !== undefined) return cached;
  const start = bucket * (HOUR / 4);
  const w = wallTimeAt(zone, start);
  const offset = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) - start;
  if (offsetCache.size > 50_000) offsetCache.clear();
  offsetCache.set(key, offset);
  return offset;
}

/**
 * The instant at which the wall clock in `zone` shows the given local time. In a DST gap (a time
 * that never happens) it gives the instant just after the gap; in an overlap, the earlier one.
 */
export function zonedTimeToInstant(wall: WallTime & { ms?: number }, zone: string): number {
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second, wall.ms ?? 0);
  const first = asUtc - zoneOffsetMs(zone, asUtc);
  const second = asUtc - zoneOffsetMs(zone, first);
  if (first === second) return first;
  // the two guesses straddle a change: take the one whose wall time matches, else the later (gap)
  const matches = (t: number) => {
    const w = wallTimeAt(zone, t);
    return w.hour === wall.hour && w.minute === wall.minute && w.day === wall.day;
  };
  if (matches(Math.min(first, second))) return Math.min(first, second);
  if (matches(Math.max(first, second))) return Math.max(first, second);
  return Math.max(first, second);
}

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3})\d*)?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;

/**
 * Reads `YYYY-MM-DD`, `YYYY-MM-DD HH:MM[:SS]` or ISO 8601 with `Z`/offset. Without an offset the time
 * is read in `zone` (a date alone is midnight there). Returns null for anything else or an impossible date.
 */
export function parseDateTime(value: string, zone: string): number | null {
  const m = DATE_TIME.exec(value.trim());
  if (!m) return null;
  const [year, month, day, hour, minute, second] = [m[1], m[2], m[3], m[4], m[5], m[6]].map((v) => Number(v ?? 0)) as [
    number, number, number, number, number, number,
  ];
  const ms = m[7] ? Number(m[7].padEnd(3, '0')) : 0;
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59) return null;
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCMonth() !== month - 1) return null; // 31 April and the like
  const offset = m[8];
  if (offset) {
    const utc = Date.UTC(year, month - 1, day, hour, minute, second, ms);
    if (offset.toUpperCase() === 'Z') return utc;
    const sign = offset.startsWith('-') ? -1 : 1;
    const digits = offset.slice(1).replace(':', '');
    return utc - sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2))) * 60_000;
  }
  return zonedTimeToInstant({ year, month, day, hour, minute, second, ms }, zone);
}
