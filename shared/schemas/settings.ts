import { z } from 'zod';
import { says } from './messages';
import { isValidTimeZone } from '../domain/time-zone';
import { SUPPORTED_LOCALES } from '../domain/locales';
import { nameText, plainString, requiredName } from './common';
import { isSafeBaseUrl } from '../domain/public-page';

export const SHOP_NAME_MAX = 100;

export const timeZoneSchema = plainString()
  .max(64, says('tooLong'))
  .refine(isValidTimeZone, says('timeZoneUnknown'));

export const localeSchema = z.enum(SUPPORTED_LOCALES, says('localeUnknown'));

/** Where a card's public page lives: an https address; the card number is appended to it. Empty: not set. */
export const cardPageBaseUrlSchema = plainString()
  .trim()
  .max(200, says('tooLong'))
  .refine((value) => value === '' || isSafeBaseUrl(value), says('cardPageUrl'));

export const settingsSchema = z.strictObject({
  shopName: nameText(SHOP_NAME_MAX),
  timeZone: timeZoneSchema,
  locale: localeSchema,
  cardPageBaseUrl: cardPageBaseUrlSchema,
  /** Who this workstation is in every event it records (a staff seat: "Counter 1"). */
  seatName: requiredName(40),
  /**
   * The shop's country for phone numbers written without a country code (ISO 3166 alpha-2, e.g. TH).
   * Empty: taken from the time zone.
   */
  phoneCountry: z.string().regex(/^([A-Z]{2})?$/, says('countryCode')),
  /** Scan & Redeem: no second stamp for the same card within this many seconds (double scans). */
  scanCooldownSeconds: z.number().int().min(0).max(3600),
  /** Scan & Redeem: this many unknown codes within 10 minutes lock the seat… */
  scanLockAfter: z.number().int().min(3).max(1000),
  /** …for this many minutes. */
  scanLockMinutes: z.number().int().min(1).max(1440),
});

export type Settings = z.infer<typeof settingsSchema>;

/** settings.set takes any subset of the settings; at least one must be given. */
export const settingsPatchSchema = settingsSchema
  .partial()
  .refine((patch) => Object.keys(patch).length > 0, says('settingsEmpty'));

export type SettingsPatch = z.infer<typeof settingsPatchSchema>;
