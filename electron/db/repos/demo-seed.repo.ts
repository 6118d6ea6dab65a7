import type { Db } from '../client';
import type { EventType } from '../../../shared/domain/events';
import { createBatchInserter } from '../batch-inserter';
import { rebuildCardSearch, recountCounters } from './card-search-index.repo';

/** Where generated rows go; the database layer implements it with batched prepared statements. */
export interface DemoSink {
  /** `phoneInternational` and `phoneNational`: the phone's search forms (shared/domain/phone.ts, phoneForms). */
  customer(
    id: number, name: string, email: string | null, phone: string | null, phoneInternational: string | null,
    phoneNational: string | null, createdAt: number,
  ): void;
  card(
    id: number, token: string, customerId: number, templateId: number, templateVersion: number,
    stamps: number, goal: number, platforms: number, createdAt: number, lastStampAt: number | null,
  ): void;
  event(cardId: number, type: EventType, seat: string, at: number, data: string | null): void;
}

export interface TemplateSeed {
  id: number;
  name: string;
  createdAt: number;
  versions: ReadonlyArray<{ version: number; goal: number; createdAt: number }>;
  rewards: ReadonlyArray<{ version: number; stamps: number; title: string; imageId: string }>;
}

export function insertTemplates(db: Db, templates: readonly TemplateSeed[]): void {
  const template = db.prepare('INSERT OR IGNORE INTO card_templates (id, name, created_at) VALUES (?, ?, ?)');
  const version = db.prepare(
    'INSERT OR IGNORE INTO template_versions (template_id, version, goal, created_at) VALUES (?, ?, ?, ?)',
  );
  const reward = db.prepare(
    'INSERT OR IGNORE INTO template_rewards (template_id, version, stamps, title, image_id) VALUES (?, ?, ?, ?, ?)',
  );
  db.tx(() => {
    for (const t of templates) {
      template.run(t.id, t.name, t.createdAt);
      for (const v of t.versions) version.run(t.id, v.version, v.goal, v.createdAt);
      for (const r of t.rewards) reward.run(t.id, r.version, r.stamps, r.title, r.imageId);
    }
  });
}

/**
 * A sink for generated demo rows that writes them with batched multi-row inserts.
 * `inTransaction(fn)` runs one chunk of generation and writes it atomically.
 */
export function createDemoWriter(db: Db): DemoSink & { inTransaction(fn: () => void): void } {
  const customers = createBatchInserter(db.sqlite, 'customers', ['id', 'name', 'email', 'phone', 'phone_digits', 'phone_national', 'created_at']);
  const cards = createBatchInserter(db.sqlite, 'cards', [
    'id', 'token', 'customer_id', 'template_id', 'template_version', 'stamps', 'goal', 'platforms', 'created_at', 'last_stamp_at',
  ]);
  const events = createBatchInserter(db.sqlite, 'events', ['card_id', 'type', 'seat', 'at', 'data']);
  return {
    customer: customers.add,
    card: cards.add,
    event: events.add,
    inTransaction: (fn) =>
      db.tx(() => {
        fn();
        customers.flush();
        cards.flush();
        events.flush();
      }),
  };
}

/** Indexes whose keys arrive in ascending order (or not at all) during a bulk load: cheaper to keep than to rebuild. */
const KEPT_INDEXES = new Set(['events_card_idx', 'events_voucher_idx', 'cards_live_created_idx', 'cards_customer_idx']);

export interface BulkLoad {
  /** Rebuilds what was switched off and checks the result; call once, also after a failure. */
  finish(): void;
}

/**
 * Prepares empty tables for a bulk load: a big page cache (random-order index inserts stay in
 * memory), foreign keys checked once at the end instead of per row (rows of the three tables are
 * flushed in batches, not in dependency order), secondary indexes dropped to be built afterwards in
 * one sorted pass each, and the per-row search/count triggers off. `finish()` builds the indexes,
 * rebuilds the card search index and the live-card count, restores the triggers and, with
 * `checkKeys`, checks every foreign key (seconds at a million rows).
 */
export function startBulkLoad(db: Db, tables: readonly string[], checkKeys = false): BulkLoad {
  const previousCache = db.sqlite.pragma('cache_size', { simple: true }) as number;
  db.sqlite.pragma('cache_size = -524288'); // 512 MiB
  db.sqlite.pragma('threads = 2'); // index builds sort on both cores
  // demo data into an empty shop: no fsync per chunk and one checkpoint at the end (a crash during
  // seeding loses the half-seeded demo, never anything else); FULL again once done
  db.sqlite.pragma('synchronous = NORMAL');
  db.sqlite.pragma('wal_autocheckpoint = 0');
  db.sqlite.pragma('foreign_keys = OFF');
  const objects = (
    db.sqlite
      .prepare(
        `SELECT type, name, sql FROM sqlite_master WHERE type IN ('index', 'trigger') AND sql IS NOT NULL
         AND tbl_name IN (${tables.map(() => '?').join(', ')})`,
      )
      .all(...tables) as { type: 'index' | 'trigger'; name: string; sql: string }[]
  ).filter((object) => !KEPT_INDEXES.has(object.name));
  db.tx(() => {
    for (const object of objects) db.sqlite.exec(`DROP ${object.type.toUpperCase()} "${object.name}"`);
  });
  let finished = false;
  return {
    finish() {
      if (finished) return;
      finished = true;
      try {
        db.tx(() => {
          // the uid trigger was off while loading: every event gets its global id in one statement
          if (tables.includes('events')) db.sqlite.exec('UPDATE events SET uid = lower(hex(randomblob(16))) WHERE uid IS NULL');
          for (const object of objects) if (object.type === 'index') db.sqlite.exec(object.sql);
        });
        rebuildCardSearch(db);
        recountCounters(db);
        db.tx(() => {
          for (const object of objects) if (object.type === 'trigger') db.sqlite.exec(object.sql);
        });
      } finally {
        db.sqlite.pragma('foreign_keys = ON');
        db.sqlite.pragma('threads = 0');
        db.sqlite.pragma(`cache_size = ${previousCache}`);
        db.sqlite.pragma('wal_checkpoint(TRUNCATE)');
        db.sqlite.pragma('wal_autocheckpoint = 1000');
        db.sqlite.pragma('synchronous = FULL');
      }
      // the loader writes consistent rows by construction; tests/unit/electron/demo checks keys in full
      if (checkKeys) {
        for (const table of tables) {
          const broken = db.sqlite.pragma(`foreign_key_check("${table}")`) as unknown[];
          if (broken.length > 0) throw new Error(`Bulk load left ${broken.length} rows in ${table} pointing nowhere.`);
        }
      }
    },
  };
}

export function countCards(db: Db): number {
  return (db.prepare('SELECT count(*) AS n FROM cards').get() as { n: number }).n;
}

/** The lowest card numbers of live cards, for demo vouchers tied to a card. */
export function firstLiveCardIds(db: Db, count: number): number[] {
  return (db.prepare('SELECT id FROM cards WHERE deleted_at IS NULL ORDER BY id LIMIT ?').all(count) as Array<{ id: number }>).map((r) => r.id);
}

export function maxCustomerId(db: Db): number {
  return (db.prepare('SELECT coalesce(max(id), 0) AS n FROM customers').get() as { n: number }).n;
}

export interface DemoVoucherRow {
  token: string;
  code: string;
  title: string;
  status: 'active' | 'redeemed' | 'expired' | 'voided';
  issuedAt: number;
  expiresAt: number | null;
}

/** Writes demo vouchers (free, generated codes) in batched inserts; one transaction per call. */
export function insertDemoVouchers(db: Db, rows: readonly DemoVoucherRow[]): void {
  const insert = createBatchInserter(db.sqlite, 'vouchers', ['token', 'title', 'code_kind', 'redeem_code', 'status', 'source', 'issued_at', 'expires_at']);
  db.tx(() => {
    for (const r of rows) insert.add(r.token, r.title, 'generated', r.code, r.status, 'manual', r.issuedAt, r.expiresAt);
    insert.flush();
  });
}
