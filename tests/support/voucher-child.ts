/**
 * A second process on the same shop folder, for tests of what only separate processes show:
 * `issue <dataDir> <quantity>` issues one batch (the parent may kill it midway);
 * `import <dataDir> <rows>` imports that many new cards from CSV (the parent may kill it midway);
 * `hold <dataDir>` opens the shop and keeps it open until killed;
 * `redeem <dataDir> <token> <times>` tries to redeem a voucher `times` times over a connection of its own (the
 * folder stays with the app that holds it) and prints each outcome.
 */
import path from 'node:path';
import { createCore } from '../../electron/core/create-core';
import { DATABASE_FILE, openConnection } from '../../electron/db/client';
import { redeemVoucher } from '../../electron/vouchers/redeem-voucher';

const [command, dataDir, arg, times] = process.argv.slice(2);
const open = () => createCore({ dataDir: dataDir!, migrationsDir: path.resolve('electron/db/migrations'), version: 'child', expirySweepMs: 0 });

if (command === 'issue') {
  const core = open();
  console.log('started');
  const result = await core.call('vouchers.issue', {
    title: 'Crash test',
    redeemCode: { kind: 'generated' },
    validity: { kind: 'unlimited' },
    quantity: Number(arg),
  });
  console.log(result.ok ? 'done' : `failed ${JSON.stringify(result)}`);
  core.close();
} else if (command === 'import') {
  const core = open();
  const lines = ['card_id,name,email,phone,template_id,template_version,stamps,goal,platforms,created_at,last_stamp_at'];
  for (let i = 0; i < Number(arg); i++) lines.push(`${80_000_000 + i},Crash Test ${i},,+66 81 ${String(i).padStart(7, '0')},1024,3,1,8,web,,`);
  console.log('started');
  const result = await core.call('cards.importCsv', { csv: lines.join('\n'), dryRun: false });
  console.log(result.ok ? 'done' : `failed ${JSON.stringify(result)}`);
  core.close();
} else if (command === 'hold') {
  open();
  console.log('holding');
  setInterval(() => {}, 60_000);
} else if (command === 'redeem') {
  const db = openConnection(path.join(dataDir!, DATABASE_FILE));
  const outcomes: string[] = [];
  for (let i = 0; i < Number(times); i++) {
    try {
      outcomes.push(redeemVoucher(db, arg!, undefined, { seat: `Process ${process.pid}`, now: Date.now }).outcome);
    } catch {
      outcomes.push('error');
    }
  }
  console.log(JSON.stringify(outcomes));
  db.close();
}
