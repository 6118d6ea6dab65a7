/**
 * A Stampdesk installation syncing in a process of its own, for tests that `kill -9` it mid-push or mid-pull:
 * `sync-child.ts <dataDir>` opens the folder (already configured for a cloud by the parent), starts the background
 * sync loop, prints `ready`, then prints its sync status as a JSON line whenever it changes, until killed.
 */
import path from 'node:path';
import { createCore, type CoreOptions } from '../../electron/core/create-core';
import { TEST_SYNC_OPTIONS } from './sync-options';

const [dataDir] = process.argv.slice(2);
const core = createCore({
  dataDir: dataDir!,
  migrationsDir: path.resolve('electron/db/migrations'),
  version: 'child',
  expirySweepMs: 0,
  sync: { ...TEST_SYNC_OPTIONS, autoStart: true },
} as CoreOptions);
console.log('ready');
let last = '';
for (;;) {
  const result = await core.call('sync.status', {});
  const line = JSON.stringify(result.ok ? result.value : result.error);
  if (line !== last) console.log(line);
  last = line;
  await new Promise((resolve) => setTimeout(resolve, 10));
}
