import type { Db } from '../client';
import { phoneForms } from '../../../shared/domain/phone';
import type { WireCard, WireChange, WireEvent, WireVoucher } from '../../../shared/schemas/sync-protocol';
import { phoneSearchCountry } from './phone-search.repo';
import { withSearchMaintainedAfter } from './card-import.repo';
import { recodeVoucher, recordOutcomes } from './sync-outbox.repo';
import { getSyncValue, setSyncValue } from './sync-state.repo';

type Of<E extends WireChange['entity']> = Extract<WireChange, { entity: E }>;

/**
 * From this many cards in a page on, the per-row search and count triggers are off while the page is written and the
 * search index is brought up to date for its cards in a few set-based statements (as a large import does).
 */
const BULK_CARDS = 50;

/** Card numbers from here on are given to pulled cards whose cloud number is taken here by another card. */
const FIRST_SPARE_NUMBER = 100_000;

export function readCursor(db: Db): string | null {
  return getSyncValue(db, 'cursor');
}

/** Forgets the cursor: the next pull starts from the beginning (the server was reset or restored). */
export function resetCursor(db: Db): void {
  setSyncValue(db, 'cursor', null);
}

/**
 * Applies one pulled page and stores its cursor, in ONE transaction: a crash keeps both or neither. First the
 * outcomes of this device's entries (settled like recordOutcomes, so a delta the cloud already counts is no longer
 * pending), then templates, cards, vouchers, messages and events, each upserted by its global id:
 * - a card's stamps shown = the cloud's stamps + this PC's unconfirmed `card.stamps` deltas (never counted twice);
 *   a card deleted here and not yet confirmed stays deleted; a new card takes the cloud's number as its local id
 *   (cards.id is the card number) when it is free here, else the next spare number from 100000 on;
 * - a voucher takes the cloud's state, except that a change made here and not yet confirmed (redeemed, voided,
 *   recoded) is kept while the cloud still shows the voucher active; a redemption the cloud shows is confirmed;
 * - events are added when their uid is new (the card history then shows what happened on other PCs);
 * - messages by uid; templates by id.
 */
export function applyChanges(db: Db, changes: readonly WireChange[], cursor: string, deviceId: string, now: number): void {
  db.tx(() => {
    const of = <E extends WireChange['entity']>(entity: E) => [...changes].sort((x, y) => x.version - y.version).filter((c): c is Of<E> => c.entity === entity);
    recordOutcomes(
      db,
      of('outcome').filter((c) => c.deviceId === deviceId).map((c) => c.outcome),
      now,
    );
    for (const { template } of of('template')) {
      db.prepare('INSERT INTO card_templates (id, name, created_at) VALUES (?, ?, ?) ON CONFLICT(id) DO UPDATE SET name = excluded.name').run(
        template.id,
        template.name,
        now,
      );
      ensureVersion(db, template.id, template.version, template.goal, now);
    }
    const cards = of('card');
    if (cards.length > 0) {
      const deltas = pendingStampDeltas(db);
      const country = phoneSearchCountry(db) ?? '';
      const versions = new Set<string>();
      const touched: number[] = [];
      const write = () => {
        for (const { card } of cards) touched.push(upsertCard(db, card, deltas.get(card.token) ?? 0, country, versions, now));
      };
      if (cards.length < BULK_CARDS) write();
      else drain(withSearchMaintainedAfter(db, touched, (function* () { write(); })()));
    }
    const vouchers = of('voucher');
    if (vouchers.length > 0) {
      const pending = pendingVoucherTokens(db);
      for (const { voucher } of vouchers) upsertVoucher(db, voucher, pending.has(voucher.token), now);
    }
    for (const { message } of of('message')) {
      const cardId = cardIdOf(db, message.cardToken);
      if (cardId === null) continue;
      db.prepare(
        `INSERT INTO messages (uid, card_id, push_text, email_subject, email_body, status, created_at, seat) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT(uid) DO UPDATE SET status = excluded.status`,
      ).run(message.uid, cardId, message.push, message.emailSubject, message.emailBody, message.status, message.createdAt, message.seat);
    }
    for (const { event } of of('event')) insertPulledEvent(db, event);
    setSyncValue(db, 'cursor', cursor);
  });
}

function ensureVersion(db: Db, templateId: number, version: number, goal: number, now: number): void {
  db.prepare('INSERT OR IGNORE INTO card_templates (id, name, created_at) VALUES (?, ?, ?)').run(templateId, `Template ${templateId}`, now);
  db.prepare('INSERT OR IGNORE INTO template_versions (template_id, version, goal, created_at) VALUES (?, ?, ?, ?)').run(templateId, version, goal, now);
}

/** This PC's stamp deltas the cloud has not confirmed yet, by card token. */
function pendingStampDeltas(db: Db): Map<string, number> {
  const rows = db
    .prepare(
      `SELECT json_extract(payload, '$.operation.cardToken') AS token, sum(json_extract(payload, '$.operation.delta')) AS delta
       FROM outbox WHERE confirmed_at IS NULL AND kind = 'card.stamps' GROUP BY token`,
    )
    .all() as Array<{ token: string; delta: number }>;
  return new Map(rows.map((r) => [r.token, r.delta]));
}

/** Vouchers with a change made here that the cloud has not confirmed yet. */
function pendingVoucherTokens(db: Db): Set<string> {
  const rows = db
    .prepare(
      `SELECT json_extract(payload, '$.operation.voucherToken') FROM outbox
       WHERE confirmed_at IS NULL AND kind IN ('voucher.redeemed', 'voucher.voided', 'voucher.recoded')`,
    )
    .pluck()
    .all() as string[];
  return new Set(rows);
}

function cardIdOf(db: Db, token: string | null): number | null {
  if (token === null) return null;
  return (db.prepare('SELECT id FROM cards WHERE token = ?').pluck().get(token) as number | undefined) ?? null;
}

/** Upserts a pulled card; returns its local id. */
function upsertCard(db: Db, card: WireCard, pendingDelta: number, country: string, versions: Set<string>, now: number): number {
  const versionKey = `${card.templateId}:${card.templateVersion}`;
  if (!versions.has(versionKey)) {
    ensureVersion(db, card.templateId, card.templateVersion, card.goal, now);
    versions.add(versionKey);
  }
  const stamps = card.stamps + pendingDelta;
  const local = db.prepare('SELECT id, customer_id AS customerId FROM cards WHERE token = ?').get(card.token) as
    | { id: number; customerId: number }
    | undefined;
  const c = card.customer;
  if (local) {
    const current = db.prepare('SELECT email, phone, birthday FROM customers WHERE id = ?').get(local.customerId) as {
      email: string | null;
      phone: string | null;
      birthday: string | null;
    };
    const email = c.email === undefined ? current.email : c.email;
    const phone = c.phone === undefined ? current.phone : c.phone;
    const forms = phoneForms(phone, country);
    db.prepare('UPDATE customers SET name = ?, email = ?, phone = ?, phone_digits = ?, phone_national = ?, birthday = ? WHERE id = ?').run(
      c.name,
      email,
      phone,
      forms.international,
      forms.national,
      c.birthday === undefined ? current.birthday : c.birthday,
      local.customerId,
    );
    db.prepare(
      `UPDATE cards SET template_id = ?, template_version = ?, goal = ?, stamps = ?, platforms = ?,
         last_stamp_at = CASE WHEN ? THEN nullif(max(coalesce(last_stamp_at, 0), coalesce(?, 0)), 0) ELSE ? END,
         deleted_at = coalesce(deleted_at, ?), deleted_by = CASE WHEN deleted_at IS NULL THEN ? ELSE deleted_by END
       WHERE id = ?`,
    ).run(
      card.templateId, card.templateVersion, card.goal, stamps, card.platforms,
      // a stamp of ours on its way keeps its time; else the cloud's
      pendingDelta !== 0 ? 1 : 0, card.lastStampAt, card.lastStampAt,
      card.deletedAt, card.deletedBy, local.id,
    );
    return local.id;
  }
  const forms = phoneForms(c.phone ?? null, country);
  const customerId = Number(
    db
      .prepare('INSERT INTO customers (name, email, phone, phone_digits, phone_national, birthday, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(c.name, c.email ?? null, c.phone ?? null, forms.international, forms.national, c.birthday ?? null, card.createdAt).lastInsertRowid,
  );
  const taken = db.prepare('SELECT 1 FROM cards WHERE id = ?').get(card.number) !== undefined;
  const id = taken ? (db.prepare('SELECT max(coalesce(max(id), 0) + 1, ?) FROM cards').pluck().get(FIRST_SPARE_NUMBER) as number) : card.number;
  db.prepare(
    `INSERT INTO cards (id, token, customer_id, template_id, template_version, stamps, goal, platforms, created_at, last_stamp_at, deleted_at, deleted_by)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(id, card.token, customerId, card.templateId, card.templateVersion, stamps, card.goal, card.platforms, card.createdAt, card.lastStampAt, card.deletedAt, card.deletedBy);
  return id;
}

/** Runs a write generator to its end (its progress reports are not needed here). */
function drain<T>(steps: Generator<unknown, T, void>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

function batchIdOf(db: Db, uid: string | null, at: number): number | null {
  if (uid === null) return null;
  const found = db.prepare('SELECT id FROM voucher_batches WHERE uid = ?').pluck().get(uid) as number | undefined;
  if (found !== undefined) return found;
  return Number(db.prepare('INSERT INTO voucher_batches (uid, quantity, created_at) VALUES (?, 0, ?)').run(uid, at).lastInsertRowid);
}

function upsertVoucher(db: Db, v: WireVoucher, changedHere: boolean, now: number): void {
  const codeKind = v.codeKind === 'pos' ? 'static' : v.codeKind;
  const redeemState = v.status === 'redeemed' ? 'confirmed' : null;
  const local = db.prepare('SELECT id, status FROM vouchers WHERE token = ?').get(v.token) as { id: number; status: string } | undefined;
  if (local && changedHere && v.status === 'active') return; // this PC's change is on its way; the cloud has not seen it yet
  if (codeKind === 'generated' && v.redeemCode !== null && !changedHere) giveWayOnCode(db, v.redeemCode, v.token, now);
  if (local) {
    db.prepare(
      `UPDATE vouchers SET title = ?, description = ?, expires_at = ?, status = ?, redeemed_at = ?, redeemed_by = ?, redeem_state = ?,
         voided_at = ?, void_reason = ?, redeem_code = CASE WHEN ? THEN redeem_code ELSE ? END
       WHERE id = ?`,
    ).run(v.title, v.description, v.expiresAt, v.status, v.redeemedAt, v.redeemedBy, redeemState, v.voidedAt, v.voidReason, changedHere ? 1 : 0, v.redeemCode, local.id);
    return;
  }
  const batchId = batchIdOf(db, v.batchUid, v.issuedAt);
  const imageKnown = v.imageId !== null && db.prepare('SELECT 1 FROM images WHERE id = ?').get(v.imageId) !== undefined;
  db.prepare(
    `INSERT INTO vouchers (token, batch_id, card_id, title, description, image_id, code_kind, redeem_code, status, source, issued_at, expires_at,
       redeemed_at, redeemed_by, redeem_state, voided_at, void_reason)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    v.token, batchId, cardIdOf(db, v.cardToken), v.title, v.description, imageKnown ? v.imageId : null, codeKind, v.redeemCode, v.status, v.source,
    v.issuedAt, v.expiresAt, v.redeemedAt, v.redeemedBy, redeemState, v.voidedAt, v.voidReason,
  );
  if (batchId !== null) db.prepare('UPDATE voucher_batches SET quantity = quantity + 1 WHERE id = ?').run(batchId);
}

function insertPulledEvent(db: Db, e: WireEvent): void {
  db.prepare(
    `INSERT INTO events (uid, card_id, voucher_id, type, seat, at, data)
     VALUES (?, (SELECT id FROM cards WHERE token = ?), (SELECT id FROM vouchers WHERE token = ?), ?, ?, ?, ?)
     ON CONFLICT(uid) DO NOTHING`,
  ).run(e.uid, e.cardToken, e.voucherToken, e.type, e.seat, e.at, e.data ? JSON.stringify(e.data) : null);
}

/** A pulled voucher holds a generated code one of this PC's vouchers holds: the cloud has it, so ours gets a new one. */
function giveWayOnCode(db: Db, code: string, pulledToken: string, now: number): void {
  const mine = db.prepare("SELECT token, title, issued_at AS at FROM vouchers WHERE redeem_code = ? AND code_kind = 'generated' AND token <> ?").get(code, pulledToken) as
    | { token: string; title: string; at: number }
    | undefined;
  if (!mine) return;
  const seat = (db.prepare("SELECT seat FROM events WHERE voucher_id = (SELECT id FROM vouchers WHERE token = ?) AND type = 'voucher_issued'").pluck().get(mine.token) as
    | string
    | undefined) ?? '';
  recodeVoucher(
    db,
    mine.token,
    { entrySeq: null, operation: 'voucher.issued', at: mine.at, seat, cardToken: null, voucherToken: mine.token, label: mine.title, reason: { key: 'sync.codeTaken', params: { code } } },
    now,
  );
}
