import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface RunningHost {
  /** The printed address, with the token fragment. */
  url: string;
  origin: string;
  port: number;
  token: string;
  dataDir: string;
  pid: number;
  output: () => string;
  stop(): Promise<void>;
}

const HOST_BUNDLE = path.resolve('dist/node/web-host.mjs');
const LINE = /Stampdesk is running at (http:\/\/127\.0\.0\.1:(\d+)\/)#token=([A-Za-z0-9_-]+)/;

/** Starts the built browser host (`npm run build` first) on a fresh or given data folder. */
export async function startWebHost(options: { dataDir?: string; args?: string[]; timeoutMs?: number } = {}): Promise<RunningHost> {
  if (!fs.existsSync(HOST_BUNDLE)) throw new Error(`${HOST_BUNDLE} is missing: run npm run build first.`);
  const dataDir = options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'stampdesk-e2e-'));
  const child = spawn(process.execPath, [HOST_BUNDLE, '--data-dir', dataDir, '--port', '0', '--no-open', ...(options.args ?? [])], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, CI: 'true' },
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));

  const match = await new Promise<RegExpExecArray>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`browser host did not start:\n${output}`)), options.timeoutMs ?? 60_000);
    const check = () => {
      const found = LINE.exec(output);
      if (found) {
        clearTimeout(timer);
        resolve(found);
      }
    };
    child.stdout!.on('data', check);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`browser host exited with ${code}:\n${output}`));
    });
  });
  return {
    url: `${match[1]}#token=${match[3]}`,
    origin: match[1]!.replace(/\/$/, ''),
    port: Number(match[2]),
    token: match[3]!,
    dataDir,
    pid: child.pid!,
    output: () => output,
    stop: () => stopChild(child),
  };
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}
