import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../../electron/core/create-core';
import { dbFingerprint } from '../../../support/db-fingerprint';
import { makeTempDir, MIGRATIONS_DIR } from '../../../support/temp-dir';

const HEADER = 'card_id,name,email,phone,template_id,template_version,stamps,goal,platforms,created_at,last_stamp_at';
const ROWS = [
  '113772,Olivia Smith,olivia@example.com,,1024,2,2,8,web,2026-01-10,',
  '113776,અમિત પટેલ,amit@example.com,,1024,2,3,8,web|apple,2026-05-01,',
  '113774,김민준,minjun@example.com,,2048,1,0,10,google,2026-03-05,',
];

/** A wallet push needs a wallet: a card saved only on the web is refused with the reason, not reported as queued. */
describe('a push message to a card in no wallet', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let core: Core;
  const now = Date.parse('2026-11-23T10:00:00Z');
  const call = (method: string, input: unknown) => core.call(method, input);

  beforeEach(async () => {
    temp = makeTempDir();
    core = createCore({ dataDir: temp.dir, migrationsDir: MIGRATIONS_DIR, version: 't', now: () => now, expirySweepMs: 0 });
    const imported = await call('cards.importCsv', { csv: [HEADER, ...ROWS].join('\n'), dryRun: false });
    expect(imported.ok).toBe(true);
  });
  afterEach(() => {
    core.close();
    temp.cleanup();
  });

  it('is refused with the reason beside the push field, and nothing is queued or recorded', async () => {
    const before = dbFingerprint(core.db);
    for (const input of [{ push: 'Free coffee today' }, { push: 'Free coffee today', email: { subject: 'Hello', body: 'A gift.' } }]) {
      const result = await call('cards.sendMessage', { id: 113772, ...input });
      expect(result).toMatchObject({ ok: false, error: { code: 'conflict', field: 'push', key: 'apiErrors.cardMessage.pushNeedsWallet', params: { id: 113772 } } });
      if (!result.ok) expect(result.error.message).toContain('not saved in Apple Wallet or Google Wallet');
    }
    expect(dbFingerprint(core.db)).toBe(before);
  });

  it('an e-mail to that card is still queued, and a push to a card in a wallet is queued', async () => {
    expect(await call('cards.sendMessage', { id: 113772, email: { subject: 'Hello', body: 'A gift.' } })).toMatchObject({ ok: true, value: { status: 'queued', channels: ['email'] } });
    for (const id of [113776, 113774]) {
      expect(await call('cards.sendMessage', { id, push: 'Free coffee today' })).toMatchObject({ ok: true, value: { status: 'queued', channels: ['push'] } });
    }
    expect(core.db.sqlite.prepare("SELECT count(*) FROM outbox WHERE kind = 'message.sent'").pluck().get()).toBe(3);
  });
});
