import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../../electron/db/client';
import { createCore } from '../../../../electron/core/create-core';
import { makeTempDir, MIGRATIONS_DIR } from '../../../support/temp-dir';

/** Another process that opens the shop folder through the core and keeps it open until killed. */
function holder(dataDir: string) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'tests/support/voucher-child.ts', 'hold', dataDir], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const holding = new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', () => output.includes('holding') && resolve());
    child.on('exit', (code) => reject(new Error(`the holder exited with ${code}:\n${output}`)));
  });
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  return { child, holding, exited };
}

describe('one app per data folder', () => {
  let temp: ReturnType<typeof makeTempDir>;
  beforeEach(() => {
    temp = makeTempDir();
  });
  afterEach(() => temp.cleanup());

  it('a second open of the same folder is refused with "already running" while the first keeps working', async () => {
    const first = createCore({ dataDir: temp.dir, migrationsDir: MIGRATIONS_DIR, version: 't', expirySweepMs: 0 });
    try {
      expect(() => createCore({ dataDir: temp.dir, migrationsDir: MIGRATIONS_DIR, version: 't', expirySweepMs: 0 })).toThrow(
        /Stampdesk is already running with the data folder/,
      );
      try {
        openDatabase({ dataDir: temp.dir, migrationsDir: MIGRATIONS_DIR });
        expect.unreachable();
      } catch (error) {
        expect(error).toMatchObject({ code: 'storage_unavailable', key: 'storage.alreadyRunning', params: { folder: temp.dir } });
      }
      const info = await first.call('app.info', {});
      expect(info).toMatchObject({ ok: true, value: { cards: 0 } });
      const settings = await first.call('settings.set', { shopName: 'Still mine' });
      expect(settings).toMatchObject({ ok: true });
    } finally {
      first.close();
    }
    // closed: the folder is free again
    createCore({ dataDir: temp.dir, migrationsDir: MIGRATIONS_DIR, version: 't', expirySweepMs: 0 }).close();
  });

  it('another folder is not affected', () => {
    const a = openDatabase({ dataDir: path.join(temp.dir, 'a'), migrationsDir: MIGRATIONS_DIR });
    const b = openDatabase({ dataDir: path.join(temp.dir, 'b'), migrationsDir: MIGRATIONS_DIR });
    a.close();
    b.close();
  });

  it('a process holding the folder blocks others; once it is killed (kill -9) the folder opens again', async () => {
    const held = holder(temp.dir);
    await held.holding;
    expect(() => openDatabase({ dataDir: temp.dir, migrationsDir: MIGRATIONS_DIR })).toThrow(/already running/);
    held.child.kill('SIGKILL');
    await held.exited;
    const db = openDatabase({ dataDir: temp.dir, migrationsDir: MIGRATIONS_DIR });
    expect(db.sqlite.prepare('SELECT count(*) FROM cards').pluck().get()).toBe(0);
    db.close();
  }, 60_000);
});
