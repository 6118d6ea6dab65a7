import type { Db } from '../client';

/** Recounts the running totals the triggers keep (after bulk loads, where the triggers are off). */
export function recountCounters(db: Db): void {
  db
    .prepare(
      `INSERT INTO counters (name, value) SELECT 'live_cards', count(*) FROM cards WHERE deleted_at IS NULL
       ON CONFLICT(name) DO UPDATE SET value = excluded.value`,
    )
    .run();
}

/**
 * Rebuilds the card search index from the cards and customers tables in one pass: used after bulk
 * loads (where its triggers are off) and as a repair. Merges the index into one segment at the end.
 */
export function rebuildCardSearch(db: Db): void {
  db.tx(() => {
    db.sqlite.exec(`INSERT INTO card_search (card_search, rank) VALUES ('automerge', 0)`);
    db.sqlite.exec(`INSERT INTO card_search (card_search) VALUES ('delete-all')`);
    db.sqlite.exec(`
      INSERT INTO card_search (rowid, name)
      SELECT c.id, cu.name_key
      FROM cards c JOIN customers cu ON cu.id = c.customer_id
      WHERE c.deleted_at IS NULL`);
    db.sqlite.exec(`INSERT INTO card_search (card_search) VALUES ('optimize')`);
    db.sqlite.exec(`INSERT INTO card_search (card_search, rank) VALUES ('automerge', 4)`);
  });
}
