import { settingsSchema, type Settings, type SettingsPatch } from '../../shared/schemas/settings';
import { DEFAULT_LOCALE, type Locale } from '../../shared/domain/locales';
import { isValidTimeZone } from '../../shared/domain/time-zone';
import type { Db } from '../db/client';
import { readSettings, writeSettings } from '../db/repos/settings.repo';
import { currentPause, installationId } from '../db/repos/scan-guard.repo';
import { AppError } from '../../shared/api/errors';

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

/** What the scan pause guards: who the seat is and the scanning limits stay as they are while it lasts. */
const KEPT_WHILE_PAUSED = ['seatName', 'scanCooldownSeconds', 'scanLockAfter', 'scanLockMinutes'] as const satisfies readonly (keyof Settings)[];

/**
 * Saves the given settings in one transaction. While scanning is paused on this installation, a change to the
 * seat name or a scanning limit is refused (renaming the seat or raising the limit would lift the guard);
 * the same values, and every other setting, may still be saved.
 */
export function updateSettings(db: Db, patch: SettingsPatch, now: number): Settings {
  db.tx(() => {
    const current = getSettings(db);
    const changed = KEPT_WHILE_PAUSED.find((key) => patch[key] !== undefined && patch[key] !== current[key]);
    if (changed && currentPause(db, installationId(db), now)) {
      throw new AppError('conflict', 'scanPause.settingsLocked', { field: changed });
    }
    writeSettings(
      db,
      Object.entries(patch).filter(([, value]) => value !== undefined),
    );
  });
  return getSettings(db);
}
