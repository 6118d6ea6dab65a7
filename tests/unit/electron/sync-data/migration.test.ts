import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../../electron/db/client';
import { pendingEntries } from '../../../../electron/db/repos/sync-outbox.repo';
import { getSyncValue } from '../../../../electron/db/repos/sync-state.repo';
import { pushEntry } from '../../../../shared/schemas/sync-protocol';
import { makeTempDir, migrationsBefore, MIGRATIONS_DIR } from '../../../support/temp-dir';

describe('migration 0011: a shop database from before sync upgrades without loss', () => {
  let temp: ReturnType<typeof makeTempDir>;
  beforeEach(() => {
    temp = makeTempDir();
  });
  afterEach(() => temp.cleanup());

  it('gives events, messages and batches global ids, keeps redemptions, takes the installation id as device id and rewrites old outbox rows as wire entries', () => {
    const dataDir = path.join(temp.dir, 'data');
    const older = openDatabase({ dataDir, migrationsDir: migrationsBefore(temp.dir, 'sync_local') });
    older.sqlite.exec(`
      INSERT INTO card_templates (id, name, created_at) VALUES (1, 'Coffee', 1);
      INSERT INTO template_versions (template_id, version, goal, created_at) VALUES (1, 1, 8, 1);
      INSERT INTO customers (id, name, created_at) VALUES (1, 'Somchai', 1);
      INSERT INTO cards (id, token, customer_id, template_id, template_version, stamps, goal, created_at) VALUES (113772, 'tok-a', 1, 1, 1, 3, 8, 1);
      INSERT INTO voucher_batches (id, quantity, created_at) VALUES (1, 2, 5);
      INSERT INTO vouchers (id, token, batch_id, title, code_kind, redeem_code, status, issued_at, redeemed_at, redeemed_by)
        VALUES (1, 'VAAAA', 1, 'Party', 'generated', 'ABCD', 'redeemed', 5, 9, 'Till'), (2, 'VBBBB', 1, 'Party', 'generated', 'EFGH', 'active', 5, NULL, NULL);
      INSERT INTO messages (id, card_id, push_text, status, created_at, seat) VALUES (1, 113772, 'Hi', 'queued', 7, 'Till');
      INSERT INTO events (card_id, voucher_id, type, seat, at, data) VALUES
        (113772, NULL, 'stamp_added', 'Till', 3, '{"count":3,"stamps":3}'),
        (NULL, 1, 'voucher_issued', 'Till', 5, '{"title":"Party"}'),
        (NULL, 2, 'voucher_issued', 'Till', 5, '{"title":"Party"}'),
        (113772, NULL, 'message_sent', 'Till', 7, NULL),
        (NULL, 1, 'voucher_redeemed', 'Till', 9, NULL);
      INSERT INTO outbox (idempotency_key, kind, payload, created_at) VALUES
        ('k1', 'card.stamps_adjusted', '{"cardId":113772,"delta":3,"stamps":3,"reason":"Missed","at":3,"seat":"Till"}', 3),
        ('k2', 'vouchers.issued', '{"cardId":null,"batchId":1,"vouchers":[{"id":1,"token":"VAAAA"},{"id":2,"token":"VBBBB"}]}', 5),
        ('k3', 'message.send', '{"messageId":1,"cardId":113772,"push":"Hi","email":null}', 7),
        ('k4', 'voucher.redeemed', '{"voucherId":1,"token":"VAAAA","seat":"Till","at":9}', 9);
    `);
    const installation = older.sqlite.prepare('SELECT installation_id FROM installation').pluck().get();
    older.close();

    const db = openDatabase({ dataDir, migrationsDir: MIGRATIONS_DIR });
    try {
      const uids = db.sqlite.prepare('SELECT uid FROM events').pluck().all() as Array<string | null>;
      expect(uids).toHaveLength(5);
      expect(uids.every((u) => typeof u === 'string' && /^[0-9a-f]{32}$/.test(u))).toBe(true);
      expect(new Set(uids).size).toBe(5);
      expect(db.sqlite.prepare('SELECT uid FROM messages').pluck().get()).toMatch(/^[0-9a-f]{32}$/);
      expect(db.sqlite.prepare('SELECT uid FROM voucher_batches').pluck().get()).toMatch(/^[0-9a-f]{32}$/);
      expect(db.sqlite.prepare('SELECT status, redeem_state FROM vouchers ORDER BY id').all()).toEqual([
        { status: 'redeemed', redeem_state: 'confirmed' },
        { status: 'active', redeem_state: null },
      ]);
      expect(getSyncValue(db, 'deviceId')).toBe(installation);
      // a row inserted without a uid still gets one
      db.sqlite.prepare("INSERT INTO events (card_id, type, seat, at) VALUES (113772, 'card_saved', 'x', 1)").run();
      expect(db.sqlite.prepare("SELECT uid FROM events WHERE type = 'card_saved'").pluck().get()).toMatch(/^[0-9a-f]{32}$/);

      const entries = pendingEntries(db, 100);
      for (const entry of entries) expect(() => pushEntry.parse(entry)).not.toThrow();
      expect(entries.map((e) => [e.seq, e.operation.kind])).toEqual([
        [1, 'card.stamps'],
        [2, 'voucher.issued'],
        [3, 'voucher.issued'],
        [4, 'message.sent'],
        [5, 'voucher.redeemed'],
      ]);
      expect(entries.map((e) => e.key).filter((k) => k.startsWith('k'))).toEqual(['k1', 'k2', 'k3', 'k4']);
      expect(entries[0]!.operation).toMatchObject({ cardToken: 'tok-a', delta: 3, reason: 'Missed', seat: 'Till' });
      expect(entries[0]!.events.map((e) => e.type)).toEqual(['stamp_added']);
      const batchUid = db.sqlite.prepare('SELECT uid FROM voucher_batches').pluck().get();
      expect(entries[1]!.operation).toMatchObject({ voucher: { token: 'VAAAA', batchUid, status: 'active', redeemCode: 'ABCD', codeKind: 'generated' } });
      expect(entries[1]!.events).toMatchObject([{ type: 'voucher_issued', voucherToken: 'VAAAA' }]);
      expect(entries[3]!.operation).toMatchObject({ kind: 'message.sent', cardToken: 'tok-a', push: 'Hi' });
      expect(entries[4]!.operation).toMatchObject({ voucherToken: 'VAAAA', at: 9, seat: 'Till', provisional: true });
    } finally {
      db.close();
    }
    // a second start changes nothing
    const again = openDatabase({ dataDir, migrationsDir: MIGRATIONS_DIR });
    try {
      expect(pendingEntries(again, 100)).toHaveLength(5);
    } finally {
      again.close();
    }
  });
});
