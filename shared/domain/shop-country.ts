import ct from 'countries-and-timezones';
import type { Settings } from '../schemas/settings';
import { phoneCountry } from './phone';

/**
 * The shop's country for phone numbers written without a country code: the `phoneCountry` setting,
 * else the country of the shop's IANA time zone (Asia/Bangkok → TH, Asia/Tehran → IR; a zone shared by
 * several countries gives the one it is named for: Europe/Berlin → DE), else none (UTC, Etc/GMT+5).
 * Only countries libphonenumber-js has a numbering plan for count.
 */
export function shopCountry(settings: Pick<Settings, 'phoneCountry' | 'timeZone'>): string | undefined {
  return phoneCountry(settings.phoneCountry) ?? phoneCountry(ct.getTimezone(settings.timeZone)?.countries[0]);
}
