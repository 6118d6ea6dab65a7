import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { startWebHost, type RunningHost } from '../support/start-web-host';

/** Runs `npm run web`'s built entry and returns how it ended (for start-up failures). */
function runHost(args: string[]) {
  const result = spawnSync(process.execPath, ['dist/node/web-host.mjs', '--port', '0', '--no-open', ...args], {
    encoding: 'utf8',
    timeout: 30_000,
    env: { ...process.env, CI: 'true' },
  });
  return { code: result.status, output: `${result.stdout}${result.stderr}` };
}

const tempDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'stampdesk-start-'));

test('a data folder that cannot be created gives a clear message', () => {
  const dir = tempDir();
  fs.writeFileSync(path.join(dir, 'file'), 'x');
  const { code, output } = runHost(['--data-dir', path.join(dir, 'file', 'shop')]);
  expect(code).toBe(1);
  expect(output).toContain('Stampdesk cannot start: The data folder');
  expect(output).toContain('cannot be created');
});

test('a damaged database gives a clear message and is never overwritten', () => {
  const dir = tempDir();
  const junk = Buffer.from('PK\u0003\u0004 definitely a zip file, not a database');
  fs.writeFileSync(path.join(dir, 'stampdesk.db'), junk);
  const { code, output } = runHost(['--data-dir', dir]);
  expect(code).toBe(1);
  expect(output).toContain('damaged or is not a Stampdesk database');
  expect(fs.readFileSync(path.join(dir, 'stampdesk.db'))).toEqual(junk);
});

test('a bad option prints the usage', () => {
  const { code, output } = runHost(['--colour', 'blue']);
  expect(code).toBe(2);
  expect(output).toContain('Usage: npm run web -- [--data-dir DIR] [--port N] [--demo] [--no-open]');
});

/** app.info from a running host over real HTTP. */
async function appInfo(host: RunningHost): Promise<{ ok: boolean; value?: { dataDir: string } }> {
  const response = await fetch(`${host.origin}/rpc/app.info`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${host.token}`, 'Content-Type': 'application/json' },
    body: '{}',
  });
  return (await response.json()) as { ok: boolean; value?: { dataDir: string } };
}

test('a second host on the same data folder says Stampdesk is already running there; the first keeps working', async () => {
  const dir = tempDir();
  const first = await startWebHost({ dataDir: dir });
  try {
    const second = runHost(['--data-dir', dir]);
    expect(second.code).toBe(1);
    expect(second.output).toContain(`Stampdesk cannot start: Stampdesk is already running with the data folder ${dir}.`);
    expect(second.output).not.toContain('Stampdesk is running at');
    expect(second.output).not.toMatch(/SQLITE_BUSY|\n\s+at /);
    expect(await appInfo(first)).toMatchObject({ ok: true, value: { dataDir: dir } });
  } finally {
    await first.stop();
  }
});

test('after the host on a folder is killed (kill -9), the folder opens again at once', async () => {
  const dir = tempDir();
  const first = await startWebHost({ dataDir: dir });
  const exited = new Promise<void>((resolve) => {
    const poll = setInterval(() => {
      try {
        process.kill(first.pid, 0);
      } catch {
        clearInterval(poll);
        resolve();
      }
    }, 50);
  });
  process.kill(first.pid, 'SIGKILL');
  await exited;
  const again = await startWebHost({ dataDir: dir });
  try {
    expect(await appInfo(again)).toMatchObject({ ok: true, value: { dataDir: dir } });
  } finally {
    await again.stop();
  }
});

test('the built app ships no source maps', () => {
  const maps: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.map') || fs.readFileSync(full).includes('sourceMappingURL=')) maps.push(full);
    }
  };
  walk('dist');
  expect(fs.existsSync(path.join('dist', 'renderer', 'index.html'))).toBe(true);
  expect(maps).toEqual([]);
});
