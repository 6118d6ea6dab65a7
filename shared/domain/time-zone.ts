/** True when `zone` is an IANA time-zone name this runtime knows (e.g. `Asia/Bangkok`, `UTC`). */
export function isValidTimeZone(zone: string): boolean {
  if (zone.length === 0 || zone.length > 64) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** The IANA zone names offered in pickers, with UTC first. */
export function listTimeZones(): string[] {
  const zones = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return ['UTC', ...zones.filter((zone) => zone !== 'UTC')];
}

/** An IANA zone as people read it: `America/New_York` -> `America/New York`. */
export function zoneName(zone: string): string {
  return zone.replaceAll('_', ' ');
}
