import { sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { Db } from './storage';

/**
 * Batched writes: a whole list goes as ONE jsonb parameter and is unpacked by the database
 * (`jsonb_array_elements … WITH ORDINALITY`), several times faster on PGlite than a multi-row VALUES with a
 * parameter per column, and order-keeping (ids and seqs are taken in list order).
 */
const json = (rows: unknown[]) => JSON.stringify(rows);

/** `column IN (list)` with the list as one jsonb parameter (a list of hundreds stays one parameter). */
export function inList(column: PgColumn, values: (string | number)[]): SQL {
  const cast = typeof values[0] === 'number' ? sql`::bigint` : sql``;
  return sql`${column} IN (SELECT (jsonb_array_elements_text(${json(values)}::jsonb))${cast})`;
}

export async function insertChanges(tx: Db, shopId: string, version: number, bodies: unknown[]): Promise<void> {
  if (!bodies.length) return;
  await tx.execute(sql`INSERT INTO changes (shop_id, version, body)
    SELECT ${shopId}, ${version}, t.x FROM jsonb_array_elements(${json(bodies)}::jsonb) WITH ORDINALITY AS t(x, n) ORDER BY t.n`);
}

/** Events by uid; one already kept is left as it is. */
export async function insertEvents(tx: Db, shopId: string, events: { uid: string }[]): Promise<void> {
  if (!events.length) return;
  await tx.execute(sql`INSERT INTO events (shop_id, uid, data)
    SELECT ${shopId}, t.x->>'uid', t.x FROM jsonb_array_elements(${json(events)}::jsonb) WITH ORDINALITY AS t(x, n) ORDER BY t.n
    ON CONFLICT DO NOTHING`);
}

export async function insertLedger(tx: Db, shopId: string, rows: { key: string; cardToken: string; delta: number; at: number }[]): Promise<void> {
  if (!rows.length) return;
  await tx.execute(sql`INSERT INTO ledger (shop_id, key, card_token, delta, at)
    SELECT ${shopId}, t.key, t."cardToken", t.delta, t.at FROM jsonb_to_recordset(${json(rows)}::jsonb) AS t(key text, "cardToken" text, delta integer, at bigint)
    ON CONFLICT DO NOTHING`);
}

export async function upsertCards(tx: Db, shopId: string, rows: { token: string; number: number; data: unknown }[]): Promise<void> {
  if (!rows.length) return;
  await tx.execute(sql`INSERT INTO cards (shop_id, token, number, data)
    SELECT ${shopId}, t.token, t.number, t.data FROM jsonb_to_recordset(${json(rows)}::jsonb) AS t(token text, number integer, data jsonb)
    ON CONFLICT (shop_id, token) DO UPDATE SET data = excluded.data`);
}

export async function upsertVouchers(tx: Db, shopId: string, rows: { token: string; redeemCode: string | null; data: unknown; redeemedDevice: string | null }[]): Promise<void> {
  if (!rows.length) return;
  await tx.execute(sql`INSERT INTO vouchers (shop_id, token, redeem_code, data, redeemed_device)
    SELECT ${shopId}, t.token, t."redeemCode", t.data, t."redeemedDevice"
    FROM jsonb_to_recordset(${json(rows)}::jsonb) AS t(token text, "redeemCode" text, data jsonb, "redeemedDevice" text)
    ON CONFLICT (shop_id, token) DO UPDATE SET redeem_code = excluded.redeem_code, data = excluded.data, redeemed_device = excluded.redeemed_device`);
}

export async function upsertMessages(tx: Db, shopId: string, rows: { uid: string; data: unknown }[]): Promise<void> {
  if (!rows.length) return;
  await tx.execute(sql`INSERT INTO messages (shop_id, uid, data)
    SELECT ${shopId}, t.uid, t.data FROM jsonb_to_recordset(${json(rows)}::jsonb) AS t(uid text, data jsonb)
    ON CONFLICT (shop_id, uid) DO UPDATE SET data = excluded.data`);
}

export async function insertOutcomes(tx: Db, shopId: string, deviceId: string, rows: { seq: number; key: string; hash: string; outcome: unknown }[]): Promise<void> {
  if (!rows.length) return;
  await tx.execute(sql`INSERT INTO outcomes (shop_id, device_id, seq, key, hash, outcome)
    SELECT ${shopId}, ${deviceId}, t.seq, t.key, t.hash, t.outcome
    FROM jsonb_to_recordset(${json(rows)}::jsonb) AS t(seq integer, key text, hash text, outcome jsonb)`);
}
