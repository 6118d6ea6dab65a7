import { spawn } from 'node:child_process';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore } from '../../../../electron/core/create-core';
import { makeTempDir, MIGRATIONS_DIR } from '../../../support/temp-dir';

function child(args: string[]) {
  return spawn(process.execPath, ['--import', 'tsx', 'tests/support/voucher-child.ts', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
}

function output(proc: ReturnType<typeof child>): Promise<string> {
  return new Promise((resolve) => {
    let text = '';
    proc.stdout!.on('data', (chunk: Buffer) => (text += chunk.toString()));
    proc.on('exit', () => resolve(text));
  });
}

describe('vouchers across processes', () => {
  let temp: ReturnType<typeof makeTempDir>;
  beforeEach(() => {
    temp = makeTempDir();
    createCore({ dataDir: temp.dir, migrationsDir: MIGRATIONS_DIR, version: 't' }).close();
  });
  afterEach(() => temp.cleanup());

  it('a batch interrupted by a crash leaves all of its vouchers or none', async () => {
    const counts: number[] = [];
    for (const delay of [5, 40, 120, 400]) {
      const proc = child(['issue', temp.dir, '10000']);
      const exited = new Promise((resolve) => proc.on('exit', resolve));
      await new Promise<void>((resolve) => proc.stdout!.on('data', (c: Buffer) => c.toString().includes('started') && resolve()));
      await new Promise((resolve) => setTimeout(resolve, delay));
      proc.kill('SIGKILL');
      await exited;
      const db = new Database(`${temp.dir}/stampdesk.db`, { readonly: true });
      counts.push(db.prepare('SELECT count(*) AS n FROM vouchers').pluck().get() as number);
      const events = db.prepare("SELECT count(*) FROM events WHERE type = 'voucher_issued'").pluck().get() as number;
      expect(events).toBe(counts.at(-1));
      db.close();
    }
    for (const count of counts) expect(count % 10_000).toBe(0);
  }, 120_000);

  it('an import of 30,000 cards interrupted by a crash (kill -9) leaves all of its cards or none', async () => {
    const counts: number[] = [];
    for (const delay of [50, 400, 1500]) {
      const proc = child(['import', temp.dir, '30000']);
      const exited = new Promise((resolve) => proc.on('exit', resolve));
      await new Promise<void>((resolve) => proc.stdout!.on('data', (c: Buffer) => c.toString().includes('started') && resolve()));
      await new Promise((resolve) => setTimeout(resolve, delay));
      proc.kill('SIGKILL');
      await exited;
      const db = new Database(`${temp.dir}/stampdesk.db`, { readonly: true });
      counts.push(db.prepare('SELECT count(*) FROM cards WHERE id >= 80000000').pluck().get() as number);
      const events = db.prepare("SELECT count(*) FROM events WHERE type = 'card_issued'").pluck().get() as number;
      const searchable = db.prepare('SELECT count(*) FROM card_search WHERE rowid >= 80000000').pluck().get() as number;
      expect([events, searchable]).toEqual([counts.at(-1), counts.at(-1)]);
      db.close();
    }
    for (const count of counts) expect([0, 30_000]).toContain(count);
  }, 180_000);

  it('four connections redeeming one voucher 25 times each, each in its own process: exactly one "redeemed"', async () => {
    const core = createCore({ dataDir: temp.dir, migrationsDir: MIGRATIONS_DIR, version: 't' });
    const issued = await core.call('vouchers.issue', { title: 'Race', redeemCode: { kind: 'generated' }, validity: { kind: 'unlimited' } });
    core.close();
    if (!issued.ok) throw new Error(issued.error.message);
    const token = (issued.value as { vouchers: Array<{ token: string }> }).vouchers[0]!.token;
    const runs = await Promise.all(Array.from({ length: 4 }, () => output(child(['redeem', temp.dir, token, '25']))));
    const outcomes = runs.flatMap((text) => JSON.parse(text.trim().split('\n').pop()!) as string[]);
    expect(outcomes).toHaveLength(100);
    expect(outcomes.filter((o) => o === 'redeemed')).toHaveLength(1);
    expect(outcomes.filter((o) => o === 'already_redeemed')).toHaveLength(99);
  }, 120_000);
});
