import { bigint, bigserial, index, integer, jsonb, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';

/**
 * The reference cloud's tables (drizzle pg-core, the same on PGlite and on a real PostgreSQL server). Everything is
 * partitioned by `shop_id`: no query reads across shops. Entities keep their protocol shape in `data` (jsonb); the
 * columns beside it are what the rules look up. A card's stamps are never stored: they are the sum of its ledger.
 */
const n = (name: string) => bigint(name, { mode: 'number' });

export const meta = pgTable('meta', { key: text('key').primaryKey(), value: text('value').notNull() });

export const shops = pgTable('shops', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  keyHash: text('key_hash').notNull().unique(),
  /** Bumped as the first statement of every writing transaction: the row lock orders commits, the value orders changes. */
  version: n('version').notNull(),
  createdAt: n('created_at').notNull(),
});

/** One row per device of a shop: the last seq applied (its watermark). */
export const devices = pgTable(
  'devices',
  { shopId: text('shop_id').notNull(), deviceId: text('device_id').notNull(), lastSeq: integer('last_seq').notNull(), lastSeenAt: n('last_seen_at').notNull() },
  (t) => [primaryKey({ columns: [t.shopId, t.deviceId] })],
);

/** The outcome of each entry a device pushed, with a hash of the entry, replayed for a seq at or below the watermark. */
export const outcomes = pgTable(
  'outcomes',
  {
    shopId: text('shop_id').notNull(),
    deviceId: text('device_id').notNull(),
    seq: integer('seq').notNull(),
    key: text('key').notNull(),
    hash: text('hash').notNull(),
    outcome: jsonb('outcome').notNull(),
  },
  (t) => [primaryKey({ columns: [t.shopId, t.deviceId, t.seq] }), index('outcomes_key').on(t.shopId, t.key)],
);

export const templates = pgTable('templates', { shopId: text('shop_id').notNull(), id: integer('id').notNull(), data: jsonb('data').notNull() }, (t) => [
  primaryKey({ columns: [t.shopId, t.id] }),
]);

export const cards = pgTable(
  'cards',
  { shopId: text('shop_id').notNull(), token: text('token').notNull(), number: integer('number').notNull(), data: jsonb('data').notNull() },
  (t) => [primaryKey({ columns: [t.shopId, t.token] }), index('cards_number').on(t.shopId, t.number)],
);

/** One row per stamp change, keyed by the entry that made it (or a wallet stamp's own key). */
export const ledger = pgTable(
  'ledger',
  { shopId: text('shop_id').notNull(), key: text('key').notNull(), cardToken: text('card_token').notNull(), delta: integer('delta').notNull(), at: n('at').notNull() },
  (t) => [primaryKey({ columns: [t.shopId, t.key] }), index('ledger_card').on(t.shopId, t.cardToken)],
);

export const vouchers = pgTable(
  'vouchers',
  {
    shopId: text('shop_id').notNull(),
    token: text('token').notNull(),
    redeemCode: text('redeem_code'),
    data: jsonb('data').notNull(),
    /** The device whose redemption stands. */
    redeemedDevice: text('redeemed_device'),
  },
  (t) => [primaryKey({ columns: [t.shopId, t.token] }), index('vouchers_code').on(t.shopId, t.redeemCode)],
);

export const events = pgTable(
  'events',
  { shopId: text('shop_id').notNull(), uid: text('uid').notNull(), seq: bigserial('seq', { mode: 'number' }).notNull(), data: jsonb('data').notNull() },
  (t) => [primaryKey({ columns: [t.shopId, t.uid] })],
);

export const messages = pgTable('messages', { shopId: text('shop_id').notNull(), uid: text('uid').notNull(), data: jsonb('data').notNull() }, (t) => [
  primaryKey({ columns: [t.shopId, t.uid] }),
]);

/** The change log: per shop, numbered by the shop's version; `body` is the protocol's change without its version. */
export const changes = pgTable(
  'changes',
  { id: bigserial('id', { mode: 'number' }).primaryKey(), shopId: text('shop_id').notNull(), version: n('version').notNull(), body: jsonb('body').notNull() },
  (t) => [index('changes_shop_version').on(t.shopId, t.version, t.id)],
);

/** The same tables as SQL, created on start when absent (the reference cloud has no migration history to keep). */
export const DDL = `
CREATE TABLE IF NOT EXISTS meta (key text PRIMARY KEY, value text NOT NULL);
CREATE TABLE IF NOT EXISTS shops (id text PRIMARY KEY, name text NOT NULL, key_hash text NOT NULL UNIQUE, version bigint NOT NULL, created_at bigint NOT NULL);
CREATE TABLE IF NOT EXISTS devices (shop_id text NOT NULL, device_id text NOT NULL, last_seq integer NOT NULL, last_seen_at bigint NOT NULL, PRIMARY KEY (shop_id, device_id));
CREATE TABLE IF NOT EXISTS outcomes (shop_id text NOT NULL, device_id text NOT NULL, seq integer NOT NULL, key text NOT NULL, hash text NOT NULL, outcome jsonb NOT NULL, PRIMARY KEY (shop_id, device_id, seq));
CREATE INDEX IF NOT EXISTS outcomes_key ON outcomes (shop_id, key);
CREATE TABLE IF NOT EXISTS templates (shop_id text NOT NULL, id integer NOT NULL, data jsonb NOT NULL, PRIMARY KEY (shop_id, id));
CREATE TABLE IF NOT EXISTS cards (shop_id text NOT NULL, token text NOT NULL, number integer NOT NULL, data jsonb NOT NULL, PRIMARY KEY (shop_id, token));
CREATE INDEX IF NOT EXISTS cards_number ON cards (shop_id, number);
CREATE TABLE IF NOT EXISTS ledger (shop_id text NOT NULL, key text NOT NULL, card_token text NOT NULL, delta integer NOT NULL, at bigint NOT NULL, PRIMARY KEY (shop_id, key));
CREATE INDEX IF NOT EXISTS ledger_card ON ledger (shop_id, card_token);
CREATE TABLE IF NOT EXISTS vouchers (shop_id text NOT NULL, token text NOT NULL, redeem_code text, data jsonb NOT NULL, redeemed_device text, PRIMARY KEY (shop_id, token));
CREATE INDEX IF NOT EXISTS vouchers_code ON vouchers (shop_id, redeem_code);
CREATE TABLE IF NOT EXISTS events (shop_id text NOT NULL, uid text NOT NULL, seq bigserial NOT NULL, data jsonb NOT NULL, PRIMARY KEY (shop_id, uid));
CREATE TABLE IF NOT EXISTS messages (shop_id text NOT NULL, uid text NOT NULL, data jsonb NOT NULL, PRIMARY KEY (shop_id, uid));
CREATE TABLE IF NOT EXISTS changes (id bigserial PRIMARY KEY, shop_id text NOT NULL, version bigint NOT NULL, body jsonb NOT NULL);
CREATE INDEX IF NOT EXISTS changes_shop_version ON changes (shop_id, version, id);
`;
