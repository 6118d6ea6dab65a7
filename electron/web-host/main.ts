import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { version } from '../../package.json';
import { AppError } from '../../shared/api/errors';
import { createCore, type Core } from '../core/create-core';
import { seedDemoIfEmpty } from '../demo/seed';
import { seedDemoVoucherStory } from '../demo/demo-vouchers';
import { nodeWorkerSpawner } from '../isolation/spawn-node';
import { bundledPaths, defaultDataDir } from '../paths';
import { parseWebHostArgs } from './args';
import { openBrowser } from './open-browser';
import { newToken } from './request-guard';
import { startWebHost, type WebHost } from './server';

const DEFAULT_PORT = 4780;
const DEMO_CARDS = 500;

/** `npm run web`: the browser host. Serves the app and its API on 127.0.0.1 with a per-run token. */
async function main(): Promise<void> {
  const parsed = parseWebHostArgs(process.argv.slice(2));
  if (!parsed.ok) {
    console.error(parsed.message);
    process.exit(2);
  }
  const { args } = parsed;
  const bundleDir = path.dirname(fileURLToPath(import.meta.url));
  const { rendererDir, migrationsDir, resourcesDir } = bundledPaths(bundleDir);
  const dataDir = path.resolve(args.dataDir ?? defaultDataDir());
  // pictures and coupons are handled by a Node child running the built worker, started on first use
  const worker = { spawn: nodeWorkerSpawner(path.resolve(bundleDir, '..', 'worker', 'image-worker.cjs')) };

  const core = createCore({ dataDir, migrationsDir, resourcesDir, version, systemLocales: systemLocales(), worker });
  if (args.demo) {
    const seeded = seedDemoIfEmpty(core.db, DEMO_CARDS);
    if (seeded) {
      const vouchers = seedDemoVoucherStory(core.db);
      console.error(`Loaded demo data: ${seeded.cards} cards, ${seeded.customers} customers, ${vouchers} vouchers.`);
    }
  }

  const token = newToken();
  const host = await listen(core, token, rendererDir, args.port);
  const url = `${host.url}#token=${token}`;
  console.log(`Stampdesk is running at ${url}`);
  if (args.open && process.env.CI !== 'true') openBrowser(url);

  const stop = async () => {
    await host.close();
    core.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

/** The OS language as the environment gives it (LC_ALL, LC_MESSAGES, LANG: `th_TH.UTF-8`), then ICU's default. */
function systemLocales(): string[] {
  const env = [process.env.LC_ALL, process.env.LC_MESSAGES, process.env.LANG].filter((v): v is string => !!v && v !== 'C' && !v.startsWith('C.') && v !== 'POSIX');
  return [...env, Intl.DateTimeFormat().resolvedOptions().locale];
}

async function listen(core: Core, token: string, rendererDir: string, port: number | undefined): Promise<WebHost> {
  if (port !== undefined) return startWebHost({ core, token, rendererDir, port });
  try {
    return await startWebHost({ core, token, rendererDir, port: DEFAULT_PORT });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
    return startWebHost({ core, token, rendererDir, port: 0 }); // the usual port is taken: any free one
  }
}

main().catch((error: unknown) => {
  if (error instanceof AppError) console.error(`Stampdesk cannot start: ${error.message}`);
  else if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
    console.error('Stampdesk cannot start: that port is in use. Pick another with --port N, or --port 0 for any free port.');
  } else console.error('Stampdesk cannot start:', error);
  process.exit(1);
});
