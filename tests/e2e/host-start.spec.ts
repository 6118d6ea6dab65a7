import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';

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
