import path from 'node:path';
import { openDatabase } from '../db/client';
import { seedDemo } from './seed';
import { AppError } from '../../shared/api/errors';
import { defaultDataDir } from '../paths';

const USAGE = 'Usage: npm run seed -- --data-dir DIR --cards N';

/** A wrong command line: the message and the usage, without a stack trace. */
class UsageError extends Error {}

function parse(argv: string[]): { dataDir: string; cards: number } {
  let dataDir: string | undefined;
  let cards = 500;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--data-dir') dataDir = argv[++i];
    else if (arg === '--cards') cards = Number(argv[++i]);
    else throw new UsageError(`Unknown option ${arg}.\n${USAGE}`);
  }
  if (!Number.isInteger(cards) || cards < 1 || cards > 5_000_000) {
    throw new UsageError(`--cards needs a whole number from 1 to 5,000,000.\n${USAGE}`);
  }
  return { dataDir: path.resolve(dataDir ?? defaultDataDir()), cards };
}

function main(): void {
  const started = performance.now();
  const { dataDir, cards } = parse(process.argv.slice(2));
  const migrationsDir = path.resolve(import.meta.dirname, '../db/migrations');
  const db = openDatabase({ dataDir, migrationsDir });
  try {
    let lastShown = 0;
    const result = seedDemo(db, {
      cards,
      onProgress: (done, total) => {
        if (process.stdout.isTTY && (done - lastShown >= 100_000 || done === total)) {
          lastShown = done;
          process.stdout.write(`\r  ${done.toLocaleString('en')} / ${total.toLocaleString('en')} cards`);
        }
      },
    });
    if (process.stdout.isTTY) process.stdout.write('\n');
    const seconds = (performance.now() - started) / 1000;
    console.log(
      `Seeded ${result.cards.toLocaleString('en')} cards, ${result.customers.toLocaleString('en')} customers and ` +
        `${result.events.toLocaleString('en')} events into ${db.file} in ${seconds.toFixed(1)} s.`,
    );
  } finally {
    db.close();
  }
}

try {
  main();
} catch (error) {
  console.error(error instanceof AppError || error instanceof UsageError ? error.message : error);
  process.exit(1);
}
