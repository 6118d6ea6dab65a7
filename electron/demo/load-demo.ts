import { AppError } from '../../shared/api/errors';
import { DEMO_CARDS, type DemoLoaded } from '../../shared/schemas/app-info';
import type { Db } from '../db/client';
import { countCards } from '../db/repos/demo-seed.repo';
import { countCardsAndVouchers } from '../db/repos/counts.repo';
import { keepDemoLocal, lastOutboxSeq } from '../db/repos/outbox.repo';
import { seedDemoVoucherStory } from './demo-vouchers';
import { seedDemo } from './seed';

/**
 * Demo data for a shop that holds nothing yet (the first-run welcome's "Try demo data", and the browser
 * host's --demo): demo cards with their history, then a voucher story told through the real services.
 * A shop with any card (deleted ones included) or voucher is refused and left untouched.
 * Demo data stays on this PC: it never goes to the cloud card service (fake customers in a real shop's wallets),
 * so the outbox entries the voucher story wrote are taken back (the tail of the outbox: the seq keeps no gap).
 */
export function loadDemoShop(db: Db, now: number): DemoLoaded {
  if (countCards(db) > 0 || countCardsAndVouchers(db).vouchers > 0) {
    throw new AppError('conflict', 'demoLoad.shopNotEmpty');
  }
  const lastSeqBefore = lastOutboxSeq(db);
  const seeded = seedDemo(db, { cards: DEMO_CARDS, now });
  const vouchers = seedDemoVoucherStory(db, now);
  keepDemoLocal(db, lastSeqBefore);
  return { cards: seeded.cards, vouchers };
}
