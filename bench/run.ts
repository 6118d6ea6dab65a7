import os from 'node:os';
import path from 'node:path';
import { benchSeed, benchStartup } from './foundation';
import { benchCardSearch, benchImport, benchListAndDetails } from './cards';
import { benchVouchers } from './vouchers';
import { benchPhones } from './phones';
import { benchResponsiveness } from './responsiveness';
import { benchPrinting } from './printing';
import { benchSync } from './sync';
import { report, type Measurement } from './lib/report';
import { machineReference } from './lib/machine-reference';

/**
 * `npm run bench [-- --cards N] [--reuse] [--only seed,startup,search,list,phones,vouchers,import,busy,printing,sync] [--sync-million]`
 * (--reuse: keep the shop seeded by an earlier run): the figures the issues ask for, on realistic seeded data.
 * The seeded database is kept in .cache/bench-<N> for later benchmarks to reuse.
 */
async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const cardsArg = args.indexOf('--cards');
  const cards = cardsArg >= 0 ? Number(args[cardsArg + 1]) : 1_000_000;
  const dataDir = path.resolve('.cache', `bench-${cards}`);
  const measurements: Measurement[] = [];
  const onlyArg = args.indexOf('--only');
  const only = onlyArg >= 0 ? new Set((args[onlyArg + 1] ?? '').split(',')) : null;
  const wanted = (part: string) => !only || only.has(part);

  measurements.push(machineReference());
  if (args.includes('--reuse') || !wanted('seed')) {
    console.log(`Reusing the seeded shop in ${dataDir}`);
  } else {
    console.log(`Seeding ${cards.toLocaleString('en')} cards into ${dataDir} …`);
    measurements.push(benchSeed(dataDir, cards));
  }
  if (wanted('startup')) {
    console.log('Starting the browser host …');
    measurements.push(...(await benchStartup(dataDir, 5)));
  }
  if (wanted('search')) {
    console.log('Searching cards …');
    measurements.push(...(await benchCardSearch(dataDir)));
  }
  if (wanted('list')) measurements.push(...benchListAndDetails(dataDir));
  if (wanted('phones')) {
    console.log('Phones: filling the search forms, changing the country …');
    measurements.push(...(await benchPhones(dataDir)));
  }
  if (wanted('vouchers')) {
    console.log('Vouchers …');
    measurements.push(...(await benchVouchers()));
  }
  if (wanted('import')) {
    console.log('Importing CSV …');
    measurements.push(...(await benchImport(dataDir)));
  }
  if (wanted('busy')) {
    console.log('Asking the browser host app.info during a 300,000-row import and a 10,000-voucher batch …');
    measurements.push(...(await benchResponsiveness(dataDir)));
  }

  if (wanted('printing')) {
    console.log('Printing to the virtual receipt printer …');
    measurements.push(...(await benchPrinting()));
  }

  if (wanted('sync')) {
    console.log('Syncing with the reference cloud …');
    measurements.push(...(await benchSync({ million: args.includes('--sync-million') })));
  }

  report(measurements, { cards, dataDir, cpus: os.cpus().length });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
