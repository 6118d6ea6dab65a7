import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../../electron/core/create-core';
import { makeTempDir, MIGRATIONS_DIR } from '../../../support/temp-dir';

describe('settings', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let core: Core;
  beforeEach(() => {
    temp = makeTempDir();
    core = createCore({ dataDir: temp.dir, migrationsDir: MIGRATIONS_DIR, version: 'test' });
  });
  afterEach(() => {
    core.close();
    temp.cleanup();
  });

  it('starts with no shop name, a valid time zone and English', async () => {
    const result = await core.call('settings.get', {});
    expect(result).toMatchObject({ ok: true, value: { shopName: '', locale: 'en' } });
    if (result.ok) expect(() => new Intl.DateTimeFormat('en', { timeZone: (result.value as { timeZone: string }).timeZone })).not.toThrow();
  });

  it('changes only the given settings and keeps them across a restart', async () => {
    await core.call('settings.set', { shopName: '  ร้านกาแฟ สุขุมวิท  ' });
    await core.call('settings.set', { timeZone: 'Asia/Tehran' });
    core.close();
    core = createCore({ dataDir: temp.dir, migrationsDir: MIGRATIONS_DIR, version: 'test' });
    expect(await core.call('settings.get', {})).toEqual({
      ok: true,
      value: { shopName: 'ร้านกาแฟ สุขุมวิท', timeZone: 'Asia/Tehran', locale: 'en', cardPageBaseUrl: '', seatName: 'back-office', phoneCountry: '', scanCooldownSeconds: 30, scanLockAfter: 10, scanLockMinutes: 5 },
    });
  });

  it('refuses an unknown time zone or language, naming the field', async () => {
    expect(await core.call('settings.set', { timeZone: 'Europe/Atlantis' })).toMatchObject({ ok: false, error: { field: 'timeZone' } });
    expect(await core.call('settings.set', { locale: 'xx' })).toMatchObject({ ok: false, error: { field: 'locale' } });
    expect(await core.call('settings.set', { shopName: 'x'.repeat(101) })).toMatchObject({ ok: false, error: { field: 'shopName' } });
  });

  it('reads a damaged stored value as its default instead of failing', async () => {
    core.db.sqlite.prepare("INSERT INTO settings (key, value) VALUES ('timeZone', '\"Not/AZone\"'), ('shopName', '{broken')").run();
    const result = await core.call('settings.get', {});
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.value).toMatchObject({ shopName: '' });
    if (result.ok) expect((result.value as { timeZone: string }).timeZone).not.toBe('Not/AZone');
  });

  it('speaks the OS language by default when it is one of the five, else English; a chosen language wins', async () => {
    const temps: Array<ReturnType<typeof makeTempDir>> = [];
    const start = (systemLocales: string[]) => {
      temps.push(makeTempDir());
      return createCore({ dataDir: temps.at(-1)!.dir, migrationsDir: MIGRATIONS_DIR, version: 'test', systemLocales });
    };
    const cases: Array<[string[], string]> = [
      [['th-TH', 'en-US'], 'th'],
      [['ko_KR.UTF-8'], 'ko'],
      [['de-DE', 'gu-IN'], 'gu'],
      [['azb-IR'], 'azb'],
      [['fa-IR', 'az-Latn-AZ'], 'en'], // Persian and North Azerbaijani are not South Azerbaijani
      [[], 'en'],
    ];
    for (const [system, expected] of cases) {
      const other = start(system);
      expect(await other.call('settings.get', {}), system.join(',')).toMatchObject({ ok: true, value: { locale: expected } });
      other.close();
    }
    const thai = start(['th-TH']);
    await thai.call('settings.set', { locale: 'ko' });
    expect(await thai.call('settings.get', {})).toMatchObject({ ok: true, value: { locale: 'ko' } });
    thai.close();
    for (const temp of temps) temp.cleanup();
  });

  it('accepts each of the five languages and refuses a field error with a message key', async () => {
    for (const locale of ['en', 'th', 'ko', 'azb', 'gu']) {
      expect(await core.call('settings.set', { locale })).toMatchObject({ ok: true, value: { locale } });
    }
    expect(await core.call('settings.set', { locale: 'fa' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', field: 'locale', key: 'validation.localeUnknown', message: 'Not a supported language.' },
    });
  });
});
