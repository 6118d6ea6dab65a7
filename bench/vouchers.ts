import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createCore } from '../electron/core/create-core';
import { nodeWorkerSpawner } from '../electron/isolation/spawn-node';
import { seedDemoVouchers } from '../electron/demo/seed-vouchers';
import type { Measurement } from './lib/report';
import { percentile } from './lib/stats';
import { benchVoucherLists } from './voucher-lists';

const MIGRATIONS = path.resolve('electron/db/migrations');

/** A process's peak resident memory (VmHWM) in MB, Linux only. */
function peakRssMb(pid: number | null): number {
  if (pid === null || process.platform !== 'linux') return Number.NaN;
  const line = fs.readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmHWM:\s+(\d+) kB/);
  return line ? Number(line[1]) / 1024 : Number.NaN;
}

/** Issuing, batches, PDF sheets and redeem lookups with 1,000,000 vouchers stored. */
export async function benchVouchers(vouchers = 1_000_000): Promise<Measurement[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stampdesk-bench-vouchers-'));
  // coupons are drawn by the built worker (npm run bench builds first), as the browser host draws them
  const worker = { spawn: nodeWorkerSpawner(path.resolve('dist/worker/image-worker.cjs')) };
  const core = createCore({ dataDir: dir, migrationsDir: MIGRATIONS, version: 'bench', worker });
  const ctx = { seat: 'bench', now: Date.now };
  const h = core.handlers;
  try {
    const seeded = performance.now();
    seedDemoVouchers(core.db, vouchers);
    const seedSeconds = (performance.now() - seeded) / 1000;

    // one voucher with a generated code, and its QR code and barcode
    const single: number[] = [];
    for (let i = 0; i < 200; i++) {
      const started = performance.now();
      const issued = (await h['vouchers.issue']({ title: 'Free coffee', redeemCode: { kind: 'generated' }, validity: { kind: 'days', days: 30 } }, ctx)) as {
        vouchers: Array<{ id: number }>;
      };
      await h['vouchers.get']({ id: issued.vouchers[0]!.id }, ctx);
      single.push(performance.now() - started);
    }

    let started = performance.now();
    const batch = (await h['vouchers.issue'](
      { title: 'Opening party', redeemCode: { kind: 'generated' }, validity: { kind: 'fixed', date: '2099-12-31' }, quantity: 10_000 },
      ctx,
    )) as { batchId: number; vouchers: Array<{ token: string; redeemCode: string }> };
    const batchSeconds = (performance.now() - started) / 1000;

    const sheetBatch = (await h['vouchers.issue'](
      { title: 'Free dessert', description: 'Show this coupon at the counter.', redeemCode: { kind: 'generated' }, validity: { kind: 'unlimited' }, quantity: 1000 },
      ctx,
    )) as { batchId: number };
    const rssBefore = process.memoryUsage().rss;
    let rssPeak = rssBefore;
    const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, process.memoryUsage().rss)), 20);
    started = performance.now();
    const pdf = (await h['vouchers.render']({ batchId: sheetBatch.batchId, format: 'pdf' }, ctx)) as { base64: string };
    const pdfSeconds = (performance.now() - started) / 1000;
    clearInterval(sampler);
    const pdfMemoryMb = (Math.max(rssPeak, process.memoryUsage().rss) - rssBefore) / 1024 / 1024;
    const workerPeakMb = peakRssMb(core.worker.pid);

    // redeem lookups: each input a code or token of a stored voucher (half redeem, half find it redeemed)
    const lookups: number[] = [];
    for (const [i, v] of batch.vouchers.slice(0, 2000).entries()) {
      const input = i % 2 === 0 ? v.token : v.redeemCode;
      const t0 = performance.now();
      await h['vouchers.redeem']({ input }, ctx);
      lookups.push(performance.now() - t0);
    }
    // the Vouchers section over a million: first page and total, unfiltered, filtered and searched
    const listMedian = async (input: Record<string, unknown>) => {
      const times: number[] = [];
      for (let i = 0; i < 5; i++) {
        const t0 = performance.now();
        await h['vouchers.list'](input, ctx);
        times.push(performance.now() - t0);
      }
      return percentile(times, 50);
    };
    const code = batch.vouchers[2_500]!.redeemCode;
    const lists = [
      ['unfiltered', await listMedian({})],
      ['status filter', await listMedian({ status: ['redeemed'] })],
      ['code search', await listMedian({ query: code.slice(0, 6) })],
      ['title search', await listMedian({ query: 'dessert' })],
    ] as const;

    // the section's rows with batches grouped, and searches by the customer's name (adds a million cards)
    const sectionLists = await benchVoucherLists(core, code);

    return [
      { name: 'seed of demo vouchers', value: seedSeconds, unit: 's', note: `${vouchers.toLocaleString('en')} vouchers, so the lookups below search a million` },
      { name: 'issue one voucher with a generated code + its barcodes (p95)', value: percentile(single, 95), unit: 'ms', target: 20, lowerIsBetter: true, note: '200 issues; vouchers.issue then vouchers.get (QR + Code 128 SVG)' },
      { name: 'batch of 10,000 free vouchers, unique codes', value: batchSeconds, unit: 's', target: 3, lowerIsBetter: true, note: 'one transaction' },
      { name: 'PDF sheet of 1,000 vouchers', value: pdfSeconds, unit: 's', target: 15, lowerIsBetter: true, note: `${Math.round((pdf.base64.length * 0.75) / 1024 / 1024)} MB, ${Math.ceil(1000 / 9)} A4 pages` },
      { name: 'memory growth while making that sheet (peak RSS)', value: pdfMemoryMb, unit: 'MB', note: 'the host, sampled every 20 ms: it receives the finished file; the drawing runs in the worker' },
      { name: 'the drawing worker\'s peak RSS for that sheet', value: workerPeakMb, unit: 'MB', note: 'VmHWM of the worker process, started by this first download (Linux only)' },
      ...lists.map(([kind, ms]) => ({ name: `vouchers.list, ${kind} (first page + total, median)`, value: ms, unit: 'ms', note: 'no target; searches go through indexes, the status filter counts by scanning' })),
      ...sectionLists,
      { name: `redeem with ${vouchers.toLocaleString('en')} vouchers stored (p95)`, value: percentile(lookups, 95), unit: 'ms', target: 2, lowerIsBetter: true, note: '2,000 redemptions by token or typed code, with the expiry sweep and events' },
    ];
  } finally {
    core.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
