import type { Db } from '../client';

/** Live (not deleted) cards, from the running total the triggers keep. */
export function countLiveCards(db: Db): number {
  const row = db.prepare("SELECT value FROM counters WHERE name = 'live_cards'").get() as { value: number } | undefined;
  return row?.value ?? 0;
}

/** Live cards and all vouchers. */
export function countCardsAndVouchers(db: Db): { cards: number; vouchers: number } {
  const { vouchers } = db.prepare('SELECT count(*) AS vouchers FROM vouchers').get() as { vouchers: number };
  return { cards: countLiveCards(db), vouchers };
}
