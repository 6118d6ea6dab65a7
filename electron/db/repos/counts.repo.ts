import type { Db } from '../client';

/** Live (not deleted) cards and all vouchers; the card count reads the small partial index. */
export function countCardsAndVouchers(db: Db): { cards: number; vouchers: number } {
  const row = db.sqlite
    .prepare(
      `SELECT (SELECT count(*) FROM cards INDEXED BY cards_live_created_idx WHERE deleted_at IS NULL) AS cards,
              (SELECT count(*) FROM vouchers) AS vouchers`,
    )
    .get() as { cards: number; vouchers: number };
  return row;
}
