import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translate } from '../../../../shared/i18n/translator';
import { createCore, type Core } from '../../../../electron/core/create-core';
import { zbarDecodePdf } from '../../../support/zbar';
import { makeTempDir, MIGRATIONS_DIR } from '../../../support/temp-dir';
import { issue, storeAsOlderVersion } from './helpers';

const svg = (root: string) => `<svg xmlns="http://www.w3.org/2000/svg" ${root}><rect width="10" height="10" fill="#c30"/></svg>`;

describe('a picture stored by an older version is checked again right before drawing', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let core: Core;
  beforeAll(() => {
    temp = makeTempDir();
    core = createCore({ dataDir: temp.dir, migrationsDir: MIGRATIONS_DIR, version: 't', resourcesDir: path.resolve('resources') });
  });
  afterAll(() => {
    core.close();
    temp.cleanup();
  });

  // each of these made Skia abort the whole process on every download, also after a restart
  const crashers: Array<[string, string, string]> = [
    ['width="50000mm" height="50000mm"', 'apiErrors.image.storedTooLarge', '188,976 × 188,976'],
    ['width="1e9" height="1e9"', 'apiErrors.image.storedTooLarge', '1,000,000,000 × 1,000,000,000'],
    ['width="0x1p20" height="0x1p20"', 'apiErrors.image.storedTooLarge', '1,048,576 × 1,048,576'],
    ['width="inf" height="10"', 'apiErrors.image.storedTooLarge', '× 10 pixels'],
    ['width="0" height="1e10"', 'apiErrors.image.storedTooLarge', '0 × 10,000,000,000'],
    ['width="10" height="10" style="width:100000px;height:100000px"', 'apiErrors.image.storedTooLarge', '100,000 × 100,000'],
    ['width="1em" height="1em" viewBox="0 0 100000 100000"', 'apiErrors.image.storedTooLarge', '100,000 × 100,000'],
    ['width="-10" height="20"', 'apiErrors.image.storedUnreadable', 'cannot be read'],
  ];
  for (const [root, key, shown] of crashers) {
    it(`refuses to draw <svg ${root}> with a translated reason, and the app keeps working`, async () => {
      const broken = await issue(core, 'Old picture', storeAsOlderVersion(core, svg(root)));
      const fine = await issue(core, 'Plain coupon');

      const result = await core.call('vouchers.render', { id: broken, format: 'pdf' });
      expect(result).toMatchObject({ ok: false, error: { key } });
      if (result.ok) return;
      expect(result.error.message).toContain(shown);
      const thai = translate('th', result.error.key!, result.error.params);
      expect(thai).not.toBe(result.error.key);
      expect(thai).not.toBe(result.error.message);

      expect(await core.call('app.info', {})).toMatchObject({ ok: true });
      const next = await core.call('vouchers.render', { id: fine, format: 'pdf' });
      expect(next).toMatchObject({ ok: true, value: { mime: 'application/pdf' } });
      if (!next.ok) return;
      const pdf = Buffer.from((next.value as { base64: string }).base64, 'base64');
      expect(zbarDecodePdf(pdf).flat().length).toBeGreaterThan(0);
    });
  }

  it('draws an older picture whose size was fine, and one stored today with a large viewBox', async () => {
    const older = await issue(core, 'Small old picture', storeAsOlderVersion(core, svg('width="30mm" height="20mm"')));
    const uploaded = await core.call('images.import', { base64: Buffer.from(svg('width="120" height="80" viewBox="0 0 120000 80000"')).toString('base64'), fileName: 'map.svg' });
    expect(uploaded).toMatchObject({ ok: true, value: { width: 120, height: 80 } });
    if (!uploaded.ok) return;
    const today = await issue(core, 'Map', (uploaded.value as { id: string }).id);
    for (const id of [older, today]) {
      expect(await core.call('vouchers.render', { id, format: 'png' })).toMatchObject({ ok: true, value: { mime: 'image/png' } });
    }
  });
});
