import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore } from '../../../../electron/core/create-core';
import { openDatabase } from '../../../../electron/db/client';
import { makeTempDir, migrationsBefore, MIGRATIONS_DIR } from '../../../support/temp-dir';

describe('upgrading to installation pauses', () => {
  let temp: ReturnType<typeof makeTempDir>;
  beforeEach(() => {
    temp = makeTempDir();
  });
  afterEach(() => temp.cleanup());

  it('carries a seat lock taken before the upgrade over as a pause of this installation, and counts the failures logged so far', async () => {
    const now = Date.parse('2026-11-23T10:00:00Z');
    const dataDir = path.join(temp.dir, 'data');
    const older = openDatabase({ dataDir, migrationsDir: migrationsBefore(temp.dir, 'scan_pauses') });
    older.sqlite.exec(`
      INSERT INTO settings (key, value) VALUES ('scanLockMinutes', '7'), ('scanLockAfter', '3');
      INSERT INTO scan_failures (seat, at, outcome, input) VALUES ('Kiosk', ${now - 3000}, 'unknown', 'A'), ('Kiosk', ${now - 2000}, 'unknown', 'B');
      INSERT INTO seat_locks (seat, until, failures) VALUES ('Counter 2', ${now + 60_000}, 12);
    `);
    older.close();

    const core = createCore({ dataDir, migrationsDir: MIGRATIONS_DIR, version: 't', now: () => now, expirySweepMs: 0 });
    try {
      const status = (await core.call('scan.status', {})) as { ok: true; value: { pause: Record<string, unknown> | null } };
      expect(status.value.pause).toMatchObject({ seat: 'Counter 2', until: now + 60_000, startedAt: now + 60_000 - 7 * 60_000, failures: 12 });
      const installation = core.db.sqlite.prepare('SELECT installation_id FROM installation').pluck().get();
      expect(core.db.sqlite.prepare('SELECT DISTINCT installation_id FROM scan_failures').pluck().all()).toEqual([installation]);
      expect(core.db.sqlite.prepare("SELECT name FROM sqlite_master WHERE name = 'seat_locks'").get()).toBeUndefined();
    } finally {
      core.close();
    }
  });
});
