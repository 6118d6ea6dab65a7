import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../../electron/core/create-core';
import { checkpointInBackground } from '../../../../electron/db/background-checkpoint';
import { afterWriteJobs, runWriteJob } from '../../../../electron/db/write-job';
import { useTempCore } from '../../../support/temp-core';
import { makeTempDir, MIGRATIONS_DIR } from '../../../support/temp-dir';

const turn = () => new Promise<void>((resolve) => setImmediate(resolve));
const countProbes = (core: Core) => core.db.sqlite.prepare("SELECT count(*) FROM settings WHERE key LIKE 'probe-%'").pluck().get() as number;

/** A long write: one settings row per step, `steps` steps, failing at `failAt` if given. */
function probeRows(steps: number, failAt = -1) {
  return function* (db: Core['db']) {
    const insert = db.prepare('INSERT INTO settings (key, value) VALUES (?, ?)');
    for (let i = 0; i < steps; i++) {
      if (i === failAt) throw new Error('disk on fire');
      insert.run(`probe-${i}`, '1');
      yield { stage: 'writing' as const, done: i + 1, total: steps };
    }
    return steps;
  };
}

describe('long writes: one transaction on a connection of their own, with turns of the event loop', () => {
  const core = useTempCore();

  it('other calls are answered meanwhile and read the data as it was; a write meanwhile is refused at once as busy', async () => {
    const steps = probeRows(50);
    let finished = false;
    const job = runWriteJob(core().db, steps, { sliceMs: 0 }).then((n) => {
      finished = true;
      return n;
    });
    const answered: unknown[] = [];
    let refusal: unknown = null;
    while (!finished) {
      await turn();
      if (finished) break;
      answered.push(await core().call('app.info', {}));
      expect(countProbes(core())).toBe(0); // not committed yet: readers see the folder as before the job
      refusal ??= await core().call('settings.set', { shopName: 'During the job' });
    }
    expect(await job).toBe(50);
    expect(answered.length).toBeGreaterThan(0);
    expect(answered.every((a) => (a as { ok: boolean }).ok)).toBe(true);
    expect(refusal).toMatchObject({
      ok: false,
      error: { code: 'storage_unavailable', key: 'apiErrors.storage.busy', message: expect.stringMatching(/busy/) },
    });
    expect(countProbes(core())).toBe(50);
    // the refused write was not done, and writes work again
    expect(await core().call('settings.get', {})).not.toMatchObject({ value: { shopName: 'During the job' } });
    expect(await core().call('settings.set', { shopName: 'After the job' })).toMatchObject({ ok: true, value: { shopName: 'After the job' } });
  });

  it('a step that fails leaves nothing of the job behind', async () => {
    const steps = probeRows(50, 30);
    await expect(runWriteJob(core().db, steps)).rejects.toThrow('disk on fire');
    expect(countProbes(core())).toBe(0);
    expect(await core().call('settings.set', { shopName: 'Writes work again' })).toMatchObject({ ok: true });
  });

  it('two jobs run one after the other, both complete; the second says it is waiting meanwhile', async () => {
    const secondSaw: string[] = [];
    const first = runWriteJob(core().db, function* (db) {
      for (let i = 0; i < 20; i++) {
        db.prepare('INSERT INTO settings (key, value) VALUES (?, ?)').run(`probe-a${i}`, '1');
        yield { stage: 'writing' as const, done: i, total: 20 };
      }
    }, { sliceMs: 0 });
    const second = runWriteJob(core().db, function* (db) {
      for (let i = 0; i < 20; i++) {
        db.prepare('INSERT INTO settings (key, value) VALUES (?, ?)').run(`probe-b${i}`, '1');
        yield { stage: 'writing' as const, done: i, total: 20 };
      }
    }, { sliceMs: 0, onProgress: (p) => secondSaw.push(p.stage) });
    await Promise.all([first, second]);
    expect(countProbes(core())).toBe(40);
    expect(secondSaw[0]).toBe('waiting');
    expect(secondSaw.at(-1)).toBe('writing');
  });
});

describe('after a long write: the WAL is copied back on a worker thread', () => {
  it('a background checkpoint copies the WAL into the database file', async () => {
    const temp = makeTempDir();
    const core = createCore({ dataDir: temp.dir, migrationsDir: MIGRATIONS_DIR, version: 't', expirySweepMs: 0 });
    try {
      core.db.sqlite.pragma('wal_autocheckpoint = 0');
      const insert = core.db.prepare('INSERT INTO settings (key, value) VALUES (?, ?)');
      core.db.tx(() => {
        for (let i = 0; i < 5000; i++) insert.run(`probe-${i}`, 'x'.repeat(200));
      });
      const before = fs.statSync(path.join(temp.dir, 'stampdesk.db')).size;
      const outcome = await checkpointInBackground(path.join(temp.dir, 'stampdesk.db'));
      expect(outcome).toMatchObject({ ok: true, pages: expect.any(Number) });
      expect(outcome.pages).toBeGreaterThan(0);
      expect(fs.statSync(path.join(temp.dir, 'stampdesk.db')).size).toBeGreaterThan(before);
    } finally {
      core.close();
      temp.cleanup();
    }
  });

  it('a job leaves the checkpoint to the background and the app connection checkpoints as before afterwards', async () => {
    const temp = makeTempDir();
    const core = createCore({ dataDir: temp.dir, migrationsDir: MIGRATIONS_DIR, version: 't', expirySweepMs: 0 });
    try {
      const before = fs.statSync(path.join(temp.dir, 'stampdesk.db')).size;
      await runWriteJob(core.db, function* (db) {
        const insert = db.prepare('INSERT INTO settings (key, value) VALUES (?, ?)');
        for (let i = 0; i < 5000; i++) {
          insert.run(`probe-${i}`, 'x'.repeat(200));
          if (i % 500 === 0) yield { stage: 'writing' as const, done: i, total: 5000 };
        }
      });
      await afterWriteJobs(core.db);
      expect(fs.statSync(path.join(temp.dir, 'stampdesk.db')).size).toBeGreaterThan(before);
      expect(core.db.sqlite.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
      expect(countProbes(core)).toBe(5000);
    } finally {
      core.close();
      temp.cleanup();
    }
  });
});
