import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createCore, type Core } from '../electron/core/create-core';
import { nodeWorkerSpawner } from '../electron/isolation/spawn-node';
import { startVirtualPrinter, type VirtualPrinter } from '../tests/support/virtual-printer';
import { createCanvas, loadImage } from '@napi-rs/canvas';
import { registerCouponFonts } from '../electron/coupons/fonts';
import type { CouponData } from '../electron/coupons/coupon-layout';
import { encodeReceipt } from '../electron/printing/encode/encode-receipt';
import { printerProfile } from '../electron/printing/profile';
import { drawReceipt } from '../electron/printing/receipt/draw-receipt';
import type { Measurement } from './lib/report';
import { percentile } from './lib/stats';

const MIGRATIONS = path.resolve('electron/db/migrations');
/** A thermal head's speed used for the comparison the issue asks for. */
const PRINTER_MM_PER_S = 250;

type Call = (method: string, input: unknown) => Promise<unknown>;

function caller(core: Core): Call {
  return async (method, input) => {
    const answer = await core.call(method, input, 'bench');
    if (!answer.ok) throw new Error(`${method}: ${answer.error.code} ${answer.error.message}`);
    return answer.value;
  };
}

/** Waits until the virtual printer has received `jobs` whole jobs; the time from `started` to then, in ms. */
async function receivedAfter(printer: VirtualPrinter, jobs: number, started: number): Promise<number> {
  await printer.waitForJobs(jobs, 120_000);
  return performance.now() - started;
}

/** The virtual printer in a process of its own (npm run virtual-printer), so its drawing does not count as the host's memory. */
async function virtualPrinterProcess(): Promise<{ port: number; child: ChildProcess }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/virtual-printer.ts', '--port', '0', '--paper', '80'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise<number>((resolve, reject) => {
    let text = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      text += chunk.toString();
      const found = /127\.0\.0\.1:(\d+)/.exec(text);
      if (found) resolve(Number(found[1]));
    });
    child.once('exit', () => reject(new Error(`the virtual printer stopped: ${text}`)));
  });
  child.stdout!.resume();
  return { port, child };
}

async function waitForJobDone(call: Call, jobId: number): Promise<void> {
  for (;;) {
    const jobs = (await call('print.jobs', {})) as Array<{ id: number; status: string; reason: unknown }>;
    const job = jobs.find((j) => j.id === jobId);
    if (job?.status === 'done') return;
    if (job && ['failed', 'uncertain', 'cancelled'].includes(job.status)) throw new Error(`print job ${jobId} ended ${job.status}: ${JSON.stringify(job.reason)}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** Drawing alone (as the worker does it, one canvas reused): one coupon with a photo, and encoding its bytes. */
async function benchDrawing(): Promise<Measurement[]> {
  registerCouponFonts(path.resolve('resources'));
  const photoCanvas = createCanvas(600, 400);
  const g = photoCanvas.getContext('2d');
  const gradient = g.createLinearGradient(0, 0, 600, 400);
  gradient.addColorStop(0, '#c0392b');
  gradient.addColorStop(1, '#f1c40f');
  g.fillStyle = gradient;
  g.fillRect(0, 0, 600, 400);
  const photo = await loadImage(await photoCanvas.encode('png'));
  const data: CouponData = {
    shopName: 'Corner Café',
    title: 'Free coffee with any cake',
    description: 'Show this coupon at the counter. One per visit.',
    redeemCode: 'K7QP-3MZX-WD4',
    codeLabel: 'Redeem code',
    qrPayload: 'v_8f1Zk2QmR4pX7sT9wA3bC5dE',
    barcodePayload: 'K7QP-3MZX-WD4',
    validityText: 'Valid until 31 December 2026',
    footer: 'Voucher #1024',
    direction: 'ltr',
    mark: null,
  };
  const out: Measurement[] = [];
  for (const [name, paper] of [['80 mm (576 dots)', 80], ['58 mm (384 dots)', 58]] as const) {
    const profile = printerProfile(paper, undefined, 'esc-pos');
    const draw: number[] = [];
    const encode: number[] = [];
    for (let i = 0; i < 60; i++) {
      let t = performance.now();
      const raster = drawReceipt(data, photo, profile);
      const drawn = performance.now() - t;
      t = performance.now();
      encodeReceipt(raster, profile, { cut: true });
      if (i >= 10) {
        draw.push(drawn);
        encode.push(performance.now() - t);
      }
      await new Promise((resolve) => setImmediate(resolve));
    }
    out.push({ name: `draw one coupon raster with a photo, ${name}, median`, value: percentile(draw, 50), unit: 'ms', ...(paper === 80 ? { target: 50 } : {}), lowerIsBetter: true, note: `p95 ${percentile(draw, 95).toFixed(1)} ms` });
    out.push({ name: `encode it as ESC/POS bytes, ${name}, median`, value: percentile(encode, 50), unit: 'ms', lowerIsBetter: true });
  }
  return out;
}

/**
 * The printer bridge: drawing an 80 mm coupon raster, one coupon from the call to the (virtual) printer having
 * all of it, and a 100-coupon batch with the host's memory watched; plus the bytes per coupon and the time a real
 * printer needs for them at 250 mm/s, so the bridge can be compared with the paper.
 */
export async function benchPrinting(): Promise<Measurement[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stampdesk-bench-printing-'));
  const worker = { spawn: nodeWorkerSpawner(path.resolve('dist/worker/image-worker.cjs')) };
  const core = createCore({ dataDir: dir, migrationsDir: MIGRATIONS, version: 'bench', worker, expirySweepMs: 0 });
  const call = caller(core);
  const printer80 = await startVirtualPrinter({ port: 0, paper: 80 });
  const printer58 = await startVirtualPrinter({ port: 0, paper: 58 });
  const out: Measurement[] = await benchDrawing();
  try {
    const p80 = (await call('printers.add', { kind: 'network', name: 'Counter 80', host: '127.0.0.1', port: printer80.port, paperWidth: 80, isDefault: true })) as { id: number };
    const p58 = (await call('printers.add', { kind: 'network', name: 'Counter 58', host: '127.0.0.1', port: printer58.port, paperWidth: 58 })) as { id: number };
    const issued = (await call('vouchers.issue', {
      title: 'Free coffee with any cake',
      description: 'Show this coupon at the counter. One per visit.',
      redeemCode: { kind: 'generated' },
      validity: { kind: 'days', days: 30 },
    })) as { vouchers: Array<{ id: number }> };
    const voucherId = issued.vouchers[0]!.id;

    // drawing one coupon raster (in the worker, as the queue draws them), the preview call measured end to end
    for (const [name, printerId] of [['80 mm (576 dots)', p80.id], ['58 mm (384 dots)', p58.id]] as const) {
      const times: number[] = [];
      let size = { width: 0, height: 0 };
      for (let i = 0; i < 25; i++) {
        const started = performance.now();
        size = (await call('print.preview', { voucherId, printerId })) as { width: number; height: number };
        if (i >= 5) times.push(performance.now() - started);
      }
      out.push({ name: `print.preview end to end (worker round trip, draw, encode, PNG), ${name}, median`, value: percentile(times, 50), unit: 'ms', lowerIsBetter: true, note: `${size.width}×${size.height} dots` });
    }

    // one coupon job: from print.voucher to the printer having all of it
    const single: number[] = [];
    let jobsSeen = 0;
    for (let i = 0; i < 12; i++) {
      const started = performance.now();
      const { jobId } = (await call('print.voucher', { voucherId, printerId: p80.id })) as { jobId: number };
      single.push(await receivedAfter(printer80, ++jobsSeen, started));
      await waitForJobDone(call, jobId);
    }
    const last = printer80.jobs[printer80.jobs.length - 1]!;
    out.push({ name: 'one coupon job to the virtual printer, call → printer has it all, median', value: percentile(single.slice(2), 50), unit: 'ms', target: 300, lowerIsBetter: true });

    // bytes per coupon and what a real printer needs for them
    for (const [name, printer, id] of [['80 mm', printer80, p80.id], ['58 mm', printer58, p58.id]] as const) {
      const before = printer.jobs.length;
      const { jobId } = (await call('print.voucher', { voucherId, printerId: id })) as { jobId: number };
      await printer.waitForJobs(before + 1, 60_000);
      await waitForJobDone(call, jobId);
      const job = printer.jobs[before]!;
      const dotsPerMm = 203 / 25.4;
      const paperSeconds = job.rasterRows / dotsPerMm / PRINTER_MM_PER_S;
      out.push({ name: `bytes per coupon, ${name}`, value: job.bytes, unit: 'B', note: `${job.rasterRows} raster rows = ${(job.rasterRows / dotsPerMm).toFixed(0)} mm of paper` });
      out.push({ name: `a real printer at ${PRINTER_MM_PER_S} mm/s needs, ${name}`, value: paperSeconds * 1000, unit: 'ms', note: 'the bridge should be faster than this per coupon' });
    }
    void last;

    // a 100-coupon batch, then a 300-coupon one, to a virtual printer in its own process, with the host's memory
    // watched: flat means the larger batch needs no more than the smaller one
    const separate = await virtualPrinterProcess();
    try {
      const far = (await call('printers.add', { kind: 'network', name: 'Back room', host: '127.0.0.1', port: separate.port, paperWidth: 80 })) as { id: number };
      for (const quantity of [100, 300]) {
        const batch = (await call('vouchers.issue', {
          title: 'Opening party',
          description: 'One free drink.',
          redeemCode: { kind: 'generated' },
          validity: { kind: 'fixed', date: '2099-12-31' },
          quantity,
        })) as { batchId: number };
        global.gc?.();
        const rssBefore = process.memoryUsage().rss;
        let rssPeak = rssBefore;
        const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, process.memoryUsage().rss)), 20);
        const started = performance.now();
        const { jobId } = (await call('print.voucher', { batchId: batch.batchId, printerId: far.id })) as { jobId: number };
        // done: the printer confirmed the last coupon (GS r 1 answered once the data before it has printed)
        await waitForJobDone(call, jobId);
        const batchMs = performance.now() - started;
        clearInterval(sampler);
        out.push({
          name: `${quantity}-coupon batch to the virtual printer, call → printer confirmed the last`,
          value: batchMs / 1000,
          unit: 's',
          ...(quantity === 100 ? { target: 10 } : {}),
          lowerIsBetter: true,
          note: `${(batchMs / quantity).toFixed(0)} ms per coupon`,
        });
        out.push({ name: `host memory growth during the ${quantity}-coupon batch (peak RSS − before)`, value: (rssPeak - rssBefore) / 1024 / 1024, unit: 'MB', lowerIsBetter: true });
      }
    } finally {
      separate.child.kill('SIGINT');
    }
    return out;
  } finally {
    await printer80.close();
    await printer58.close();
    core.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
