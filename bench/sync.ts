import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createCore, type Core } from '../electron/core/create-core';
import type { SyncStatus } from '../shared/schemas/sync';
import type { Measurement } from './lib/report';
import { percentile } from './lib/stats';

const MIGRATIONS = path.resolve('electron/db/migrations');

interface CloudProcess {
  url: string;
  apiKey: string;
  child: ChildProcess;
}

/** The reference cloud in its own process (bench/lib/cloud-child.ts), with `cards` cards saved in it beforehand. */
async function cloudProcess(cards: number): Promise<CloudProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/lib/cloud-child.ts', '--cards', String(cards)], { stdio: ['ignore', 'pipe', 'inherit'] });
  const line = await new Promise<string>((resolve, reject) => {
    let text = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      text += chunk.toString();
      const end = text.indexOf('\n');
      if (end >= 0) resolve(text.slice(0, end));
    });
    child.once('exit', (code) => reject(new Error(`the cloud stopped (${code}): ${text}`)));
  });
  child.stdout!.resume();
  const { url, apiKey } = JSON.parse(line) as { url: string; apiKey: string };
  return { url, apiKey, child };
}

function stopCloud(cloud: CloudProcess): Promise<void> {
  return new Promise((resolve) => {
    cloud.child.once('exit', () => resolve());
    cloud.child.kill('SIGTERM');
  });
}

interface BenchPc {
  core: Core;
  value<T>(method: string, input?: unknown): Promise<T>;
  close(): void;
}

async function openPc(name: string, cloud: CloudProcess, autoStart: boolean): Promise<BenchPc> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'stampdesk-bench-pc-'));
  const core = createCore({ dataDir, migrationsDir: MIGRATIONS, version: 'bench', expirySweepMs: 0, sync: { autoStart } });
  const value = async <T>(method: string, input: unknown = {}): Promise<T> => {
    const answer = await core.call(method, input, name);
    if (!answer.ok) throw new Error(`${name} ${method}: ${answer.error.code} ${answer.error.message}`);
    return answer.value as T;
  };
  await value('settings.set', { seatName: name });
  await value('sync.configure', { url: cloud.url, apiKey: cloud.apiKey, enabled: true });
  return {
    core,
    value,
    close: () => {
      core.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Asks for a sync and waits until the PC is synced with nothing pending; the status then. */
async function syncedAfterNow(pc: BenchPc, onTick?: () => void): Promise<SyncStatus> {
  let status = await pc.value<SyncStatus>('sync.now');
  for (;;) {
    if (status.state === 'error') throw new Error(`sync failed: ${JSON.stringify(status.error)}`);
    if (status.state === 'synced' && status.pending === 0) return status;
    onTick?.();
    await new Promise((resolve) => setTimeout(resolve, 20));
    status = await pc.value<SyncStatus>('sync.status');
    if (status.state === 'synced' && status.pending > 0) status = await pc.value<SyncStatus>('sync.now');
  }
}

/** The longest answer of `app.info` while `work` runs, asked every 50 ms. */
async function longestAnswerDuring<T>(pc: BenchPc, work: Promise<T>): Promise<{ result: T; longestMs: number; answers: number }> {
  let done = false;
  let longestMs = 0;
  let answers = 0;
  const asker = (async () => {
    while (!done) {
      const started = performance.now();
      await pc.value('app.info');
      longestMs = Math.max(longestMs, performance.now() - started);
      answers++;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  })();
  const result = await work;
  done = true;
  await asker;
  return { result, longestMs, answers };
}

/**
 * Sync with the reference cloud (in its own process, PGlite): pushing 10,000 outbox entries, a new install's first
 * pull of 100,000 and 1,000,000 cards with the app answering meanwhile, a change on one PC seen on another with both
 * online, and the CPU the loop spends while idle.
 */
export async function benchSync(options: { million?: boolean } = {}): Promise<Measurement[]> {
  const out: Measurement[] = [];

  // pushing 10,000 outbox entries: a batch of 10,000 vouchers writes one `voucher.issued` entry each
  {
    const cloud = await cloudProcess(0);
    const pc = await openPc('Till A', cloud, false);
    try {
      await syncedAfterNow(pc);
      await pc.value('vouchers.issue', { title: 'Opening party', redeemCode: { kind: 'generated' }, validity: { kind: 'unlimited' }, quantity: 10_000 });
      const before = await pc.value<SyncStatus>('sync.status');
      const started = performance.now();
      await syncedAfterNow(pc);
      out.push({
        name: `push ${before.pending.toLocaleString('en')} outbox entries (a 10,000-voucher batch), one round until synced`,
        value: (performance.now() - started) / 1000,
        unit: 's',
        target: 5,
        lowerIsBetter: true,
        note: 'the pull of those vouchers and events back included',
      });
    } finally {
      pc.close();
      await stopCloud(cloud);
    }
  }

  // a new install's first pull
  for (const cards of options.million ? [100_000, 1_000_000] : [100_000]) {
    const seeding = performance.now();
    const cloud = await cloudProcess(cards);
    const seedSeconds = (performance.now() - seeding) / 1000;
    const pc = await openPc('New till', cloud, false);
    try {
      const started = performance.now();
      const { longestMs, answers } = await longestAnswerDuring(pc, syncedAfterNow(pc));
      const seconds = (performance.now() - started) / 1000;
      const count = await pc.value<{ cards: number }>('app.info');
      out.push({
        name: `first pull of ${cards.toLocaleString('en')} cards`,
        value: seconds,
        unit: 's',
        ...(cards === 100_000 ? { target: 15 } : {}),
        lowerIsBetter: true,
        note: `${count.cards.toLocaleString('en')} cards on the PC; cloud seeded in ${seedSeconds.toFixed(0)} s`,
      });
      out.push({ name: `longest app.info answer during that pull (${answers} answers)`, value: longestMs, unit: 'ms', lowerIsBetter: true });
    } finally {
      pc.close();
      await stopCloud(cloud);
    }
  }

  // a change on one PC seen on the other, both online with their background loops
  {
    const cloud = await cloudProcess(0);
    const a = await openPc('Till A', cloud, true);
    const b = await openPc('Till B', cloud, true);
    try {
      const issued = await a.value<{ vouchers: Array<{ id: number; redeemCode: string }> }>('vouchers.issue', { title: 'Free coffee', redeemCode: { kind: 'generated' }, validity: { kind: 'unlimited' }, quantity: 10 });
      const seenOnB = async (code: string, status: string) => {
        for (;;) {
          const page = await b.value<{ items: Array<{ status: string; redeemCode: string | null }> }>('vouchers.list', { query: code });
          if (page.items.some((v) => v.redeemCode === code && v.status === status)) return;
          await new Promise((resolve) => setTimeout(resolve, 10));
        }
      };
      // the batch itself reaches B first
      for (const voucher of issued.vouchers) await seenOnB(voucher.redeemCode, 'active');
      const times: number[] = [];
      for (const voucher of issued.vouchers) {
        const started = performance.now();
        await a.value('vouchers.redeem', { input: voucher.redeemCode });
        await seenOnB(voucher.redeemCode, 'redeemed');
        times.push(performance.now() - started);
      }
      out.push({ name: 'a redemption on PC A seen on PC B, both online, median / max', value: percentile(times, 50), unit: 'ms', target: 2000, lowerIsBetter: true, note: `max ${Math.max(...times).toFixed(0)} ms over ${times.length}` });

      // idle: both loops waiting (long-poll), nothing happening, 10 s
      await new Promise((resolve) => setTimeout(resolve, 1000));
      const cpu = process.cpuUsage();
      const wall = performance.now();
      await new Promise((resolve) => setTimeout(resolve, 10_000));
      const used = process.cpuUsage(cpu);
      const share = ((used.user + used.system) / 1000 / (performance.now() - wall)) * 100;
      out.push({ name: 'idle CPU of the sync loops (two PCs in this process, 10 s)', value: share, unit: '% of a core', target: 1, lowerIsBetter: true });
    } finally {
      a.close();
      b.close();
      await stopCloud(cloud);
    }
  }
  return out;
}
