import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../support/temp-dir';
import { cloudClient } from '../../support/cloud/client';

/** `npm run cloud`: a runnable reference cloud that prints its address, a demo API key and the admin token. */
const TSX = path.resolve('node_modules/.bin/tsx');
const SCRIPT = path.resolve('scripts/cloud.ts');

let child: ChildProcessWithoutNullStreams | null = null;
let temp: ReturnType<typeof makeTempDir> | null = null;
afterEach(() => {
  if (child && child.exitCode === null) child.kill('SIGKILL');
  child = null;
  temp?.cleanup();
  temp = null;
});

function waitForOutput(proc: ChildProcessWithoutNullStreams, pattern: RegExp, timeoutMs = 25_000): Promise<string> {
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

const started = (out: string) => ({
  url: /reference cloud on (http:\/\/127\.0\.0\.1:\d+)/.exec(out)![1]!,
  apiKey: /demo shop API key: (\S+)/.exec(out)![1]!,
});

describe('npm run cloud', () => {
  it('serves the protocol on 127.0.0.1, acts as the world with --simulate, keeps the demo shop in --data, and stops on Ctrl+C', { timeout: 90_000 }, async () => {
    temp = makeTempDir('stampdesk-cloud-cli-');
    child = spawn(TSX, [SCRIPT, '--port', '0', '--data', temp.dir, '--simulate', '1']);
    const out = await waitForOutput(child, /world: .+ saved card 1/);
    const { url, apiKey } = started(out);
    expect(out).toMatch(/admin token: \S+/);
    const client = cloudClient(url, apiKey, 'pc-cli');
    expect((await client.info()).body.shopName).toBe('Demo shop');
    const { changes } = await client.pullAll();
    expect(changes.some((c) => c.entity === 'card' && c.card.number === 1)).toBe(true);
    expect((fs.statSync(path.join(temp.dir, 'demo-api-key')).mode & 0o077)).toBe(0);
    const exited = new Promise<number | null>((resolve) => child!.once('exit', (code) => resolve(code)));
    child.kill('SIGINT');
    expect(await exited).toBe(0);

    child = spawn(TSX, [SCRIPT, '--port', '0', '--data', temp.dir]);
    const again = started(await waitForOutput(child, /demo shop API key: \S+/));
    expect(again.apiKey).toBe(apiKey);
    const kept = await cloudClient(again.url, apiKey, 'pc-cli').pullAll();
    expect(kept.changes.filter((c) => c.entity === 'card').length).toBeGreaterThan(0);
  });

  it('refuses a bad option with its usage', () => {
    const result = spawnSync(TSX, [SCRIPT, '--port', 'many'], { encoding: 'utf8' });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('usage: npm run cloud');
    const both = spawnSync(TSX, [SCRIPT, '--data', '/tmp/x', '--database-url', 'postgres://x'], { encoding: 'utf8' });
    expect(both.status).toBe(1);
    expect(both.stderr).toContain('not both');
  });
});
