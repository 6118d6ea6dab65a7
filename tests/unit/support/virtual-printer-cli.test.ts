import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../support/temp-dir';
import { zbarDecode } from '../../support/zbar';
import { escPos, sendJob } from './virtual-printer-builders';

const TSX = path.resolve('node_modules/.bin/tsx');
const SCRIPT = path.resolve('scripts/virtual-printer.ts');

let child: ChildProcessWithoutNullStreams | null = null;
let temp: ReturnType<typeof makeTempDir> | null = null;
afterEach(() => {
  if (child && child.exitCode === null) child.kill('SIGKILL');
  child = null;
  temp?.cleanup();
  temp = null;
});

/** Resolves with the whole output once a line matches `pattern`. */
function waitForOutput(proc: ChildProcessWithoutNullStreams, pattern: RegExp, timeoutMs = 20_000): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`no ${pattern} in: ${out}`)), timeoutMs);
    proc.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (pattern.test(out)) {
        clearTimeout(timer);
        resolve(out);
      }
    });
  });
}

describe('npm run virtual-printer', () => {
  it('prints its address, writes each job as PNG pages to --out with a summary, and stops on Ctrl+C', async () => {
    temp = makeTempDir('stampdesk-vp-');
    child = spawn(TSX, [SCRIPT, '--port', '0', '--out', temp.dir, '--paper', '58']);
    const started = await waitForOutput(child, /127\.0\.0\.1:(\d+)/);
    expect(started).toContain('58 mm, 384 dots');
    const port = Number(/127\.0\.0\.1:(\d+)/.exec(started)![1]);
    const summary = waitForOutput(child, /job 1: .*\n.*\.png/);
    await sendJob(port, Buffer.concat([escPos.init(), escPos.qr('CLI-QR', 5), escPos.code128('{BCLI-128'), escPos.cut()]));
    const out = await summary;
    expect(out).toMatch(/job 1: \d+ bytes, 1 page\(s\), 1 cut\(s\); QR CLI-QR; barcode CLI-128/);
    const file = path.join(temp.dir, 'job-0001-page-1.png');
    expect(fs.existsSync(file)).toBe(true);
    expect(zbarDecode(file).sort()).toEqual(['CLI-128', 'CLI-QR']);
    const exited = new Promise<number | null>((resolve) => child!.once('exit', (code) => resolve(code)));
    child.kill('SIGINT');
    expect(await exited).toBe(0);
  });

  it('refuses a bad option with the usage line', () => {
    const result = spawnSync(TSX, [SCRIPT, '--fault', 'fire'], { encoding: 'utf8' });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('--fault is one of refuse, stall, drop, paper-out');
    expect(result.stderr).toContain('usage: npm run virtual-printer');
  });
});
