import { spawn, type ChildProcess } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { cardsCsv, expectConverged, syncUntilQuiet, useShop, type Pc } from '../../support/sync-harness';
import { totalStamps } from '../../support/sync-snapshot';

/** Runs a PC's folder in tests/support/sync-child.ts (background sync) until `kill -9`. */
async function syncInChild(pc: Pc, killAfterMs: number): Promise<string> {
  pc.stop();
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'tests/support/sync-child.ts', pc.dataDir], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`sync child did not start:\n${output}`)), 30_000);
    const check = setInterval(() => {
      if (output.includes('ready')) {
        clearTimeout(timer);
        clearInterval(check);
        resolve();
      }
    }, 10);
  });
  await new Promise((resolve) => setTimeout(resolve, killAfterMs));
  child.kill('SIGKILL');
  await exited;
  pc.start();
  return output;
}

// moments after the child is up: before its first request, during the first pages, later ones
const KILL_POINTS_MS = [0, 60, 150, 300, 600];

describe('kill -9 of an installation while it syncs', () => {
  const shop = useShop(['Till A', 'Till B']);

  it('during pushes, at several points: after a restart it converges with no loss and nothing twice', async () => {
    const [a, b] = shop().pcs as [Pc, Pc];
    await a.value('cards.importCsv', { csv: cardsCsv(800001, 3), dryRun: false });
    await syncUntilQuiet([a, b]);
    shop().cloud.faults.set({ delayMs: 30 });
    let stamps = 0;
    let cards = 3;
    for (const [i, point] of KILL_POINTS_MS.entries()) {
      // a pile of pending entries, more than one push page
      await a.value('cards.importCsv', { csv: cardsCsv(810001 + i * 1000, 250, `Batch ${i}`), dryRun: false });
      await a.value('cards.adjustStamps', { id: 800001 + (i % 3), delta: 1, reason: `Kill ${i}` });
      cards += 250;
      stamps += 1;
      await syncInChild(a, point);
    }
    shop().cloud.faults.clear();
    await syncUntilQuiet([a, b]);
    const cloud = await expectConverged(shop(), (actual, expected) => expect(actual).toEqual(expected));
    expect(cloud.cards).toHaveLength(cards);
    expect(totalStamps(cloud)).toBe(stamps);
    expect(new Set(cloud.events.map((e) => e.uid)).size).toBe(cloud.events.length);
  }, 240_000);

  it('during pulls, at several points: after a restart it converges with no loss and nothing twice', async () => {
    const [a, b] = shop().pcs as [Pc, Pc];
    shop().cloud.faults.set({ delayMs: 30 });
    let cards = 0;
    for (const [i, point] of KILL_POINTS_MS.entries()) {
      await a.value('cards.importCsv', { csv: cardsCsv(820001 + i * 1000, 400, `Pull ${i}`), dryRun: false });
      cards += 400;
      shop().cloud.faults.clear();
      await syncUntilQuiet([a]);
      shop().cloud.faults.set({ delayMs: 30 });
      await syncInChild(b, point);
    }
    shop().cloud.faults.clear();
    await syncUntilQuiet([a, b]);
    const cloud = await expectConverged(shop(), (actual, expected) => expect(actual).toEqual(expected));
    expect(cloud.cards).toHaveLength(cards);
  }, 240_000);
});
