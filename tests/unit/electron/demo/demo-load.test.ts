import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../../electron/core/create-core';
import { dbFingerprint } from '../../../support/db-fingerprint';
import { makeTempDir, MIGRATIONS_DIR } from '../../../support/temp-dir';

const ONE_CARD = fs.readFileSync(path.resolve('tests/support/fixtures/cards.csv'), 'utf8').split('\n').slice(0, 2).join('\n');

describe('demo.load: demo data for the first-run welcome', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let core: Core;
  beforeEach(() => {
    temp = makeTempDir();
    core = createCore({ dataDir: temp.dir, migrationsDir: MIGRATIONS_DIR, version: 't', expirySweepMs: 0 });
  });
  afterEach(() => {
    core.close();
    temp.cleanup();
  });

  it('fills an empty shop with demo cards and vouchers that the lists then show', async () => {
    const loaded = await core.call('demo.load', {});
    expect(loaded).toMatchObject({ ok: true, value: { cards: 500 } });
    const vouchers = loaded.ok ? (loaded.value as { vouchers: number }).vouchers : 0;
    expect(vouchers).toBeGreaterThan(10);
    expect(await core.call('app.info', {})).toMatchObject({ ok: true, value: { cards: 500, vouchers } });
    expect(await core.call('cards.search', { limit: 5 })).toMatchObject({ ok: true, value: { total: 500 } });
    // a second click finds the shop no longer empty
    expect(await core.call('demo.load', {})).toMatchObject({ ok: false, error: { code: 'conflict', key: 'apiErrors.demoLoad.shopNotEmpty' } });
  });

  it('refuses a shop holding a card, a deleted card or only a voucher, and changes nothing', async () => {
    const refused = async () => {
      const before = dbFingerprint(core.db);
      expect(await core.call('demo.load', {})).toMatchObject({ ok: false, error: { code: 'conflict', key: 'apiErrors.demoLoad.shopNotEmpty' } });
      expect(dbFingerprint(core.db)).toBe(before);
    };
    await core.call('vouchers.issue', { title: 'Gift', redeemCode: { kind: 'generated' }, validity: { kind: 'unlimited' } });
    await refused();

    core.close();
    temp.cleanup();
    temp = makeTempDir();
    core = createCore({ dataDir: temp.dir, migrationsDir: MIGRATIONS_DIR, version: 't', expirySweepMs: 0 });
    expect(await core.call('cards.importCsv', { csv: ONE_CARD, dryRun: false })).toMatchObject({ ok: true });
    await refused();
    expect(await core.call('cards.delete', { id: 113772 })).toMatchObject({ ok: true });
    await refused();
  });
});
