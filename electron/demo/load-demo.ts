import { AppError } from '../../shared/api/errors';
import { DEMO_CARDS, type DemoLoaded } from '../../shared/schemas/app-info';
import type { Db } from '../db/client';
import { countCards } from '../db/repos/demo-seed.repo';
import { countCardsAndVouchers } from '../db/repos/counts.repo';
import { seedDemoVoucherStory } from './demo-vouchers';
import { seedDemo } from './seed';

/**
 * Demo data for a shop that holds nothing yet (the first-run welcome's "Try demo data", and the browser
 * host's --demo): demo cards with their history, then a voucher story told through the real services.
 * A shop with any card (deleted ones included) or voucher is refused and left untouched.
 */
export function loadDemoShop(db: Db, now: number): DemoLoaded {
  if (countCards(db) > 0 || countCardsAndVouchers(db).vouchers > 0) {
    throw new AppError('conflict', 'demoLoad.shopNotEmpty');
  }
  const seeded = seedDemo(db, { cards: DEMO_CARDS, now });
  const vouchers = seedDemoVoucherStory(db, now);
  return { cards: seeded.cards, vouchers };
}
