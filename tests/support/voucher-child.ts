/**
 * A second process on the same shop folder, for tests of what only separate processes show:
 * `issue <dataDir> <quantity>` issues one batch (the parent may kill it midway);
 * `redeem <dataDir> <token> <times>` tries to redeem a voucher `times` times and prints each outcome.
 */
import path from 'node:path';
import { createCore } from '../../electron/core/create-core';

const [command, dataDir, arg, times] = process.argv.slice(2);
const core = createCore({ dataDir: dataDir!, migrationsDir: path.resolve('electron/db/migrations'), version: 'child' });

if (command === 'issue') {
  console.log('started');
  const result = await core.call('vouchers.issue', {
    title: 'Crash test',
    redeemCode: { kind: 'generated' },
    validity: { kind: 'unlimited' },
    quantity: Number(arg),
  });
  console.log(result.ok ? 'done' : `failed ${JSON.stringify(result)}`);
} else if (command === 'redeem') {
  const outcomes: string[] = [];
  for (let i = 0; i < Number(times); i++) {
    const result = await core.call('vouchers.redeem', { input: arg }, `Process ${process.pid}`);
    outcomes.push(result.ok ? (result.value as { outcome: string }).outcome : 'error');
  }
  console.log(JSON.stringify(outcomes));
}
core.close();
