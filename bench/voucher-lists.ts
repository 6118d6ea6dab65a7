import type { Core } from '../electron/core/create-core';
import { seedDemo } from '../electron/demo/seed';
import type { Measurement } from './lib/report';
import { percentile } from './lib/stats';

const CARDS = 1_000_000;

/**
 * The Vouchers section over a million vouchers: its rows with batches grouped, and searches by the customer's
 * name. For those, the voucher shop gets a million demo cards and every fourth demo voucher one of them
 * (250,000 customer vouchers), so a name part such as "smith" names thousands of cards.
 */
export async function benchVoucherLists(core: Core, code: string): Promise<Measurement[]> {
  const ctx = { seat: 'bench', now: Date.now };
  const median = async (method: 'vouchers.list' | 'vouchers.listGrouped', input: Record<string, unknown>) => {
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      const t0 = performance.now();
      await core.handlers[method](input as never, ctx);
      times.push(performance.now() - t0);
    }
    return percentile(times, 50);
  };
  const grouped = [
    ['unfiltered', await median('vouchers.listGrouped', {})],
    ['status filter', await median('vouchers.listGrouped', { status: ['redeemed'] })],
    ['code search', await median('vouchers.listGrouped', { query: code.slice(0, 6) })],
    ['title search', await median('vouchers.listGrouped', { query: 'dessert' })],
    ['a title of 142,858 vouchers', await median('vouchers.listGrouped', { query: 'Free coffee' })],
  ] as const;

  const seeded = performance.now();
  seedDemo(core.db, { cards: CARDS });
  giveVouchersToCards(core);
  const cardSeconds = (performance.now() - seeded) / 1000;
  const names = [
    ['"smith" (a common surname, 3+ letters: trigram index)', 'smith'],
    ['"สม" (two Thai letters: the name\'s start)', 'สม'],
    ['"민준" (two Hangul syllables: trigram index on jamo)', '민준'],
    ['a whole name', 'Olivia Smith'],
    ['the code search again, in a shop with cards', code.slice(0, 6)],
  ] as const;
  const byName: Measurement[] = [];
  for (const [label, query] of names) {
    byName.push({ name: `vouchers.list, customer search ${label} (first page + total, median)`, value: await median('vouchers.list', { query }), unit: 'ms', note: '1M vouchers, 1M cards, 250,000 customer vouchers' });
    byName.push({ name: `vouchers.listGrouped, customer search ${label} (median)`, value: await median('vouchers.listGrouped', { query }), unit: 'ms', note: 'batches as one row' });
  }
  return [
    ...grouped.map(([kind, ms]) => ({ name: `vouchers.listGrouped, ${kind} (first page of rows + total, median)`, value: ms, unit: 'ms', note: 'a batch is one row; the walk jumps past a batch by its first id' })),
    { name: 'the million demo cards for the customer searches, and 250,000 vouchers given to them', value: cardSeconds, unit: 's', note: 'set-up of the searches below, not a figure to hold' },
    ...byName,
  ];
}

/** Every fourth demo voucher (free, not of a batch) goes to one of the cards, spread over them. */
function giveVouchersToCards(core: Core): void {
  const db = core.db.sqlite;
  db.exec('CREATE TEMP TABLE bench_card_ids (n INTEGER PRIMARY KEY, id INTEGER NOT NULL)');
  db.exec('INSERT INTO bench_card_ids SELECT row_number() OVER (ORDER BY id) - 1, id FROM cards');
  const count = db.prepare('SELECT count(*) FROM bench_card_ids').pluck().get() as number;
  db.prepare('UPDATE vouchers SET card_id = (SELECT id FROM bench_card_ids WHERE n = (vouchers.id / 4) % ?) WHERE id % 4 = 0 AND batch_id IS NULL AND card_id IS NULL').run(count);
  db.exec('DROP TABLE bench_card_ids');
  db.pragma('optimize');
}
