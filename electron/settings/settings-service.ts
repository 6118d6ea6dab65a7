import { settingsSchema, type Settings, type SettingsPatch } from '../../shared/schemas/settings';
import { DEFAULT_LOCALE, type Locale } from '../../shared/domain/locales';
import { isValidTimeZone } from '../../shared/domain/time-zone';
import type { Db } from '../db/client';
import { readSettings, writeSettings } from '../db/repos/settings.repo';

const KEYS = Object.keys(settingsSchema.shape) as (keyof Settings)[];

/** The language of each open database's computer, until the owner picks one (see setSystemLocale). */
const systemLocales = new WeakMap<Db, Locale>();

/** The OS language, when Stampdesk speaks it, is the default language of this database's shop. */
export function setSystemLocale(db: Db, locale: Locale): void {
  systemLocales.set(db, locale);
}

/** Settings before the owner changes anything: this computer's time zone and language (else English). */
export function defaultSettings(locale: Locale = DEFAULT_LOCALE): Settings {
  const hostZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return {
    shopName: '',
    timeZone: hostZone && isValidTimeZone(hostZone) ? hostZone : 'UTC',
    locale,
    cardPageBaseUrl: '',
    seatName: 'back-office',
    phoneCountry: '',
    scanCooldownSeconds: 30,
    scanLockAfter: 10,
    scanLockMinutes: 5,
  };
}

/** Every setting, stored values validated one by one; anything invalid reads as its default. */
export function getSettings(db: Db): Settings {
  const stored = readSettings(db, KEYS);
  const result = defaultSettings(systemLocales.get(db));
  for (const key of KEYS) {
    if (!stored.has(key)) continue;
    const parsed = settingsSchema.shape[key].safeParse(stored.get(key));
    if (parsed.success) (result as Record<string, unknown>)[key] = parsed.data;
  }
  return result;
}

export function updateSettings(db: Db, patch: SettingsPatch): Settings {
  writeSettings(
    db,
    Object.entries(patch).filter(([, value]) => value !== undefined),
  );
  return getSettings(db);
}
