import type { Db } from '../client';
import type { CardFields } from './card-fields';
import { phoneForms } from '../../../shared/domain/phone';
import { phoneSearchCountry } from './phone-search.repo';
import type { OperationProgress } from '../../../shared/schemas/operations';

export interface ExistingCard extends CardFields {
  customerId: number;
  deletedAt: number | null;
}

/** Card numbers looked up per statement, and between two progress reports. */
const IDS_PER_STEP = 5_000;

/**
 * The cards among `ids` that exist already (deleted ones included), by card number; in steps of a few thousand
 * ids, each yielding how many were looked up.
 */
export function* findCardsForImport(db: Db, ids: readonly number[]): Generator<OperationProgress, Map<number, ExistingCard>, void> {
  const statement = db.prepare(
    `SELECT c.id, c.customer_id AS customerId, cu.name, cu.email, cu.phone, c.stamps, c.goal, c.platforms,
            c.template_id AS templateId, c.template_version AS templateVersion, c.created_at AS createdAt,
            c.last_stamp_at AS lastStampAt, c.deleted_at AS deletedAt
     FROM cards c JOIN customers cu ON cu.id = c.customer_id
     WHERE c.id IN (SELECT value FROM json_each(?))`,
  );
  const found = new Map<number, ExistingCard>();
  for (let i = 0; i < ids.length; i += IDS_PER_STEP) {
    for (const row of statement.all(JSON.stringify(ids.slice(i, i + IDS_PER_STEP))) as ExistingCard[]) found.set(row.id, row);
    yield { stage: 'reading', done: Math.min(i + IDS_PER_STEP, ids.length), total: ids.length };
  }
  return found;
}

/** Goal of every known template version, keyed `templateId:version`. */
export function templateGoals(db: Db): Map<string, number> {
  const rows = db.prepare('SELECT template_id AS t, version AS v, goal FROM template_versions').all() as Array<{
    t: number;
    v: number;
    goal: number;
  }>;
  return new Map(rows.map((r) => [`${r.t}:${r.v}`, r.goal]));
}

/** A card as an import writes it: the listed fields, and the card number as `cardId`. */
export interface ImportCardValues extends Omit<CardFields, 'id'> {
  cardId: number;
}

/** Cards whose search entries are rebuilt per statement, and between two progress reports. */
const SEARCH_ROWS_PER_STEP = 500;
/** The page cache of a large import: new rows land at random places in the customer and card indexes. */
const LARGE_IMPORT_CACHE_KIB = 262_144;

/**
 * Runs a large import's writes (`write`, in steps) with the per-row search and count triggers off (each costs
 * ~80 µs per card) and brings the search index and the live-card count up to date in set-based steps afterwards.
 * Run inside the import's transaction: the triggers come back in the same transaction, and a rollback brings
 * them back too.
 */
export function* withSearchMaintainedAfter<T>(
  db: Db,
  touchedCardIds: readonly number[],
  write: Generator<OperationProgress, T, void>,
): Generator<OperationProgress, T, void> {
  const triggers = db
    .prepare(
      `SELECT name, sql FROM sqlite_master WHERE type = 'trigger'
       AND (name LIKE 'cards\\_search\\_%' ESCAPE '\\' OR name LIKE 'customers\\_search\\_%' ESCAPE '\\' OR name LIKE 'cards\\_count\\_%' ESCAPE '\\')`,
    )
    .all() as Array<{ name: string; sql: string }>;
  for (const trigger of triggers) db.sqlite.exec(`DROP TRIGGER "${trigger.name}"`);
  const previousCache = db.sqlite.pragma('cache_size', { simple: true }) as number;
  if (touchedCardIds.length > 10_000) db.sqlite.pragma(`cache_size = -${LARGE_IMPORT_CACHE_KIB}`);
  let result: T;
  try {
    result = yield* write;
  } finally {
    db.sqlite.pragma(`cache_size = ${previousCache}`);
  }
  const remove = db.prepare('DELETE FROM card_search WHERE rowid IN (SELECT value FROM json_each(?))');
  const add = db.prepare(
    `INSERT INTO card_search (rowid, name)
     SELECT c.id, cu.name_key FROM cards c JOIN customers cu ON cu.id = c.customer_id
     WHERE c.id IN (SELECT value FROM json_each(?)) AND c.deleted_at IS NULL`,
  );
  for (let i = 0; i < touchedCardIds.length; i += SEARCH_ROWS_PER_STEP) {
    const ids = JSON.stringify(touchedCardIds.slice(i, i + SEARCH_ROWS_PER_STEP));
    remove.run(ids);
    add.run(ids);
    yield { stage: 'indexing', done: Math.min(i + SEARCH_ROWS_PER_STEP, touchedCardIds.length), total: touchedCardIds.length };
  }
  db
    .prepare(
      `INSERT INTO counters (name, value) SELECT 'live_cards', count(*) FROM cards WHERE deleted_at IS NULL
       ON CONFLICT(name) DO UPDATE SET value = excluded.value`,
    )
    .run();
  for (const trigger of triggers) db.sqlite.exec(trigger.sql);
  return result;
}

/** Prepared statements for writing an import; call inside one transaction. */
export function createImportWriter(db: Db) {
  const s = {
    template: db.prepare('INSERT OR IGNORE INTO card_templates (id, name, created_at) VALUES (?, ?, ?)'),
    version: db.prepare('INSERT OR IGNORE INTO template_versions (template_id, version, goal, created_at) VALUES (?, ?, ?, ?)'),
    customerByEmail: db.prepare('SELECT id FROM customers WHERE email_key = lower(trim(?)) ORDER BY id LIMIT 1'),
    newCustomer: db.prepare('INSERT INTO customers (name, email, phone, phone_digits, phone_national, created_at) VALUES (?, ?, ?, ?, ?, ?)'),
    updateCustomer: db.prepare('UPDATE customers SET name = ?, email = ?, phone = ?, phone_digits = ?, phone_national = ? WHERE id = ?'),
    newCard: db.prepare(
      `INSERT INTO cards (id, token, customer_id, template_id, template_version, stamps, goal, platforms, created_at, last_stamp_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    updateCard: db.prepare(
      `UPDATE cards SET template_id = ?, template_version = ?, stamps = ?, goal = ?, platforms = ?, created_at = ?, last_stamp_at = ?
       WHERE id = ?`,
    ),
  };
  // a number written without a country code is read in the country the stored ones were read in
  const country = phoneSearchCountry(db) ?? '';
  const phone = (value: string | null) => {
    const forms = phoneForms(value, country);
    return [forms.international, forms.national] as const;
  };
  return {
    ensureTemplateVersion(templateId: number, version: number, goal: number, at: number) {
      s.template.run(templateId, `Template ${templateId}`, at);
      s.version.run(templateId, version, goal, at);
    },
    /** A new card; its customer is the one with the same e-mail if there is one, else a new customer. */
    insertCard(values: ImportCardValues, token: string, at: number): void {
      const existing = values.email ? (s.customerByEmail.get(values.email) as { id: number } | undefined) : undefined;
      const customerId =
        existing?.id ?? Number(s.newCustomer.run(values.name, values.email, values.phone, ...phone(values.phone), at).lastInsertRowid);
      s.newCard.run(
        values.cardId, token, customerId, values.templateId, values.templateVersion, values.stamps, values.goal,
        values.platforms, values.createdAt, values.lastStampAt,
      );
    },
    updateCard(values: ImportCardValues, customerId: number): void {
      s.updateCustomer.run(values.name, values.email, values.phone, ...phone(values.phone), customerId);
      s.updateCard.run(
        values.templateId, values.templateVersion, values.stamps, values.goal, values.platforms, values.createdAt,
        values.lastStampAt, values.cardId,
      );
    },
  };
}
