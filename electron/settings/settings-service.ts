import { settingsSchema, type Settings, type SettingsPatch } from '../../shared/schemas/settings';
import { DEFAULT_LOCALE } from '../../shared/domain/locales';
import { isValidTimeZone } from '../../shared/domain/time-zone';
import type { Db } from '../db/client';
import { readSettings, writeSettings } from '../db/repos/settings.repo';

const KEYS = Object.keys(settingsSchema.shape) as (keyof Settings)[];

/** Settings before the owner changes anything: this computer's time zone, English. */
export function defaultSettings(): Settings {
  const hostZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return {
    shopName: '',
    timeZone: hostZone && isValidTimeZone(hostZone) ? hostZone : 'UTC',
    locale: DEFAULT_LOCALE,
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
  const result = defaultSettings();
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
