import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startCloud } from '../../tests/support/cloud';

/**
 * The reference cloud in a process of its own for the sync bench (so its work is not the app's): a shop, and
 * `--cards N` cards saved by customers before the bench starts. Prints one JSON line `{ url, apiKey }`; runs until
 * killed. Its PGlite files live in a temp folder removed at exit.
 */
async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const cards = Number(args[args.indexOf('--cards') + 1] ?? 0) || 0;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'stampdesk-bench-cloud-'));
  const cloud = await startCloud({ port: 0, dataDir, onError: () => {} });
  const { apiKey } = await cloud.createShop('Bench Coffee');
  if (cards > 0) await cloud.simulate.manyCardsSaved(apiKey, cards);
  console.log(JSON.stringify({ url: cloud.url, apiKey }));
  const stop = () => {
    void cloud.close().finally(() => {
      fs.rmSync(dataDir, { recursive: true, force: true });
      process.exit(0);
    });
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
