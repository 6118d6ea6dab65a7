import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { startWebHost } from '../tests/support/start-web-host';
import type { Measurement } from './lib/report';
import { dropPageCache, residentMemoryMb } from './lib/process-stats';
import { median } from './lib/stats';

/** Seeds `cards` cards into `dataDir` with `npm run seed`'s entry and times the whole command. */
export function benchSeed(dataDir: string, cards: number): Measurement {
  fs.rmSync(dataDir, { recursive: true, force: true });
  const started = performance.now();
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'electron/demo/seed-cli.ts', '--data-dir', dataDir, '--cards', String(cards)], {
    encoding: 'utf8',
  });
  const seconds = (performance.now() - started) / 1000;
  if (run.status !== 0) throw new Error(`seed failed:\n${run.stdout}${run.stderr}`);
  const size = fs.statSync(path.join(dataDir, 'stampdesk.db')).size / 2 ** 20;
  return {
    name: `seed ${cards.toLocaleString('en')} cards (customers + events)`,
    value: seconds,
    unit: 's',
    target: cards === 1_000_000 ? 60 : undefined,
    lowerIsBetter: true,
    note: `${run.stdout.trim().replace(/^Seeded /, '').replace(/ into .*/, '')}; ${Math.round(size)} MB file`,
  };
}

/** Starts the built browser host on `dataDir` `runs` times: time to the first app.info answer, and idle RSS. */
export async function benchStartup(dataDir: string, runs: number): Promise<Measurement[]> {
  const times: number[] = [];
  const memory: number[] = [];
  let cold = true;
  for (let i = 0; i < runs; i++) {
    cold = dropPageCache() && cold;
    const started = performance.now();
    const host = await startWebHost({ dataDir });
    const response = await fetch(`${host.origin}/rpc/app.info`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${host.token}`, 'Content-Type': 'application/json' },
      body: '{}',
    });
    const body = (await response.json()) as { ok: boolean; value?: { cards: number } };
    times.push(performance.now() - started);
    if (!body.ok) throw new Error(`app.info failed: ${JSON.stringify(body)}`);
    await new Promise((resolve) => setTimeout(resolve, 3000)); // let it settle: idle
    memory.push(residentMemoryMb(host.pid));
    await host.stop();
  }
  const cards = dataDir.match(/(\d+)$/)?.[1];
  return [
    {
      name: `host cold start to first app.info (${Number(cards ?? 0).toLocaleString('en')} cards)`,
      value: median(times),
      unit: 'ms',
      target: 1500,
      lowerIsBetter: true,
      note: `median of ${runs}, max ${Math.round(Math.max(...times))} ms; ${cold ? 'page cache dropped before each' : 'page cache could not be dropped'}`,
    },
    {
      name: 'host idle memory (RSS)',
      value: median(memory),
      unit: 'MB',
      target: 200,
      lowerIsBetter: true,
      note: `median of ${runs}, 3 s after the first answer; max ${Math.round(Math.max(...memory))} MB`,
    },
  ];
}
