import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { syncPhoneSearch } from '../electron/cards/phone-search';
import { createCore } from '../electron/core/create-core';
import { openDatabase } from '../electron/db/client';
import { benchCardSearch } from './cards';
import type { Measurement } from './lib/report';

const MIGRATIONS = path.resolve('electron/db/migrations');

/**
 * National phone search over the seeded shop, on a copy of it: filling every customer's phone forms as the
 * first start after the upgrade does, reading the numbers written without a country code again when the
 * shop's country changes (to TH), and phone searches in that shop.
 */
export async function benchPhones(dataDir: string): Promise<Measurement[]> {
  const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'stampdesk-bench-phones-'));
  try {
    fs.copyFileSync(path.join(dataDir, 'stampdesk.db'), path.join(copy, 'stampdesk.db'));
    const db = openDatabase({ dataDir: copy, migrationsDir: MIGRATIONS });
    // as right after migration 0006: no forms computed yet
    db.sqlite.exec('DELETE FROM phone_search; UPDATE customers SET phone_national = NULL WHERE phone_national IS NOT NULL');
    const phones = db.sqlite.prepare('SELECT count(*) FROM customers WHERE phone IS NOT NULL').pluck().get() as number;
    let started = performance.now();
    syncPhoneSearch(db);
    const fill = (performance.now() - started) / 1000;
    db.close();

    const core = createCore({ dataDir: copy, migrationsDir: MIGRATIONS, version: 'bench', expirySweepMs: 0 });
    const written = core.db.sqlite.prepare("SELECT count(*) FROM customers WHERE phone IS NOT NULL AND ltrim(phone) NOT LIKE '+%'").pluck().get() as number;
    started = performance.now();
    core.handlers['settings.set']({ phoneCountry: 'TH' }, { seat: 'bench', now: Date.now });
    const change = (performance.now() - started) / 1000;
    core.close();

    const searches = await benchCardSearch(copy, (kind) => kind.startsWith('phone'), ' (shop in TH)');
    return [
      {
        name: 'fill phone search forms after the upgrade (first start)',
        value: fill,
        unit: 's',
        lowerIsBetter: true,
        note: `${phones.toLocaleString('en')} phones parsed with libphonenumber-js, phone indexes rebuilt`,
      },
      {
        name: "shop's phone country set (none → TH)",
        value: change,
        unit: 's',
        lowerIsBetter: true,
        note: `${written.toLocaleString('en')} numbers written without a country code read again`,
      },
      ...searches,
    ];
  } finally {
    fs.rmSync(copy, { recursive: true, force: true });
  }
}
