import type { Db } from '../db/client';
import { phoneSearchCountry, refillPhoneForms } from '../db/repos/phone-search.repo';
import { getSettings } from '../settings/settings-service';
import { shopCountry } from '../../shared/domain/shop-country';
import type { Settings } from '../../shared/schemas/settings';

/**
 * Keeps customers' phone search forms in step with the shop's country (shared/domain/shop-country.ts):
 * numbers written without a country code are read in it. Called when the core starts (the first start
 * after the upgrade fills the national forms; a time zone taken from the computer may have changed),
 * after settings change, and before demo data is written. Costs one small read when nothing changed.
 * Returns the country now in force ('' for none).
 */
export function syncPhoneSearch(db: Db, settings: Settings = getSettings(db)): string {
  const country = shopCountry(settings) ?? '';
  const current = phoneSearchCountry(db);
  if (current !== country) refillPhoneForms(db, country, current === null);
  return country;
}
