import crypto from 'node:crypto';
import type { Db } from '../client';
import type { WireEvent, WireOperation } from '../../../shared/schemas/sync-protocol';
import { cardTokenOf, wireVoucherOf } from './sync-wire.repo';

/**
 * Outbox rows written by builds before sync (issue 11) hold payloads the cloud cannot read (local row ids, a batch
 * in one row). Nothing ever sent them, so at start-up, before anything new is written, they are rewritten in
 * order as wire entries (one `voucher.issued` per voucher) with the history events they made, numbered again from
 * 1 (the seq has no gaps). The first entry of an old row keeps its idempotency key. Rows whose card or voucher no
 * longer exists are dropped (there is nothing to tell the cloud about). Returns how many old rows were converted.
 */
export function convertLegacyOutbox(db: Db): number {
  // a database opened with an older set of migrations (tests of upgrades) may have no outbox yet
  if (db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'outbox'").get() === undefined) return 0;
  const legacy = db.prepare(`SELECT count(*) FROM outbox WHERE payload NOT LIKE '{"operation":%'`).pluck().get() as number;
  if (legacy === 0) return 0;
  return db.tx(() => {
    const rows = db.prepare('SELECT id, idempotency_key AS key, kind, payload, created_at AS createdAt FROM outbox ORDER BY id').all() as Array<{
      id: number;
      key: string;
      kind: string;
      payload: string;
      createdAt: number;
    }>;
    const converted: Array<{ key: string; operation: WireOperation; events: WireEvent[]; createdAt: number }> = [];
    for (const row of rows) {
      const payload = JSON.parse(row.payload) as Record<string, unknown>;
      const entries = 'operation' in payload ? [payload as unknown as { operation: WireOperation; events: WireEvent[] }] : convertRow(db, row.kind, payload);
      entries.forEach((entry, i) => converted.push({ ...entry, key: i === 0 ? row.key : crypto.randomUUID(), createdAt: row.createdAt }));
    }
    db.prepare('DELETE FROM outbox').run();
    const insert = db.prepare('INSERT INTO outbox (id, idempotency_key, kind, payload, created_at) VALUES (?, ?, ?, ?, ?)');
    converted.forEach((e, i) => insert.run(i + 1, e.key, e.operation.kind, JSON.stringify({ operation: e.operation, events: e.events }), e.createdAt));
    return legacy;
  });
}

type Entry = { operation: WireOperation; events: WireEvent[] };
type Legacy = Record<string, unknown>;

function convertRow(db: Db, kind: string, p: Legacy): Entry[] {
  const num = (v: unknown) => (typeof v === 'number' ? v : 0);
  const str = (v: unknown) => (typeof v === 'string' ? v : '');
  switch (kind) {
    case 'card.deleted': {
      const cardToken = cardTokenOf(db, num(p.cardId));
      if (!cardToken) return [];
      return [{ operation: { kind: 'card.deleted', cardToken, at: num(p.at), seat: str(p.seat) }, events: cardEvents(db, num(p.cardId), num(p.at), ['card_deleted']) }];
    }
    case 'card.stamps_adjusted': {
      const cardToken = cardTokenOf(db, num(p.cardId));
      if (!cardToken) return [];
      const goal = db.prepare('SELECT goal FROM cards WHERE id = ?').pluck().get(num(p.cardId)) as number;
      const delta = num(p.delta);
      const after = num(p.stamps);
      // the card's count as the cloud keeps it: what it gained, less a round its reward used (one round assumed)
      const net = delta <= 0 || after >= delta ? delta : after - ((((after - delta) % goal) + goal) % goal);
      return [
        {
          operation: { kind: 'card.stamps', cardToken, delta: net, reason: typeof p.reason === 'string' ? p.reason : null, at: num(p.at), seat: str(p.seat) },
          events: cardEvents(db, num(p.cardId), num(p.at), ['stamp_added', 'goal_reached', 'reward_issued']),
        },
      ];
    }
    case 'message.send': {
      const m = db.prepare('SELECT uid, card_id AS cardId, push_text AS push, email_subject AS subject, email_body AS body, created_at AS at, seat FROM messages WHERE id = ?').get(num(p.messageId)) as
        | { uid: string; cardId: number; push: string | null; subject: string | null; body: string | null; at: number; seat: string }
        | undefined;
      const cardToken = m ? cardTokenOf(db, m.cardId) : null;
      if (!m || !cardToken) return [];
      return [
        {
          operation: { kind: 'message.sent', uid: m.uid, cardToken, push: m.push, emailSubject: m.subject, emailBody: m.body, at: m.at, seat: m.seat },
          events: cardEvents(db, m.cardId, m.at, ['message_sent']),
        },
      ];
    }
    case 'voucher.issued':
    case 'vouchers.issued': {
      const list = Array.isArray(p.vouchers) ? (p.vouchers as Legacy[]) : [];
      return list.flatMap((v) => {
        const id = num(v.id);
        const exists = db.prepare('SELECT 1 FROM vouchers WHERE id = ?').get(id) !== undefined;
        if (!exists) return [];
        const voucher = { ...wireVoucherOf(db, id), status: 'active' as const, redeemedAt: null, redeemedBy: null, voidedAt: null, voidReason: null };
        return [{ operation: { kind: 'voucher.issued', voucher }, events: voucherEvents(db, id, voucher.issuedAt, 'voucher_issued') }];
      });
    }
    case 'voucher.redeemed':
    case 'voucher.voided': {
      const id = num(p.voucherId);
      const token = db.prepare('SELECT token FROM vouchers WHERE id = ?').pluck().get(id) as string | undefined;
      if (!token) return [];
      const at = num(p.at);
      const operation: WireOperation =
        kind === 'voucher.redeemed'
          ? { kind: 'voucher.redeemed', voucherToken: token, at, seat: str(p.seat), provisional: true }
          : { kind: 'voucher.voided', voucherToken: token, reason: str(p.reason), at, seat: str(p.seat) };
      return [{ operation, events: voucherEvents(db, id, at, kind === 'voucher.redeemed' ? 'voucher_redeemed' : 'voucher_voided') }];
    }
    default:
      return [];
  }
}

interface EventRow {
  uid: string;
  type: string;
  cardId: number | null;
  voucherId: number | null;
  seat: string;
  at: number;
  data: string | null;
}

function toWire(db: Db, rows: EventRow[]): WireEvent[] {
  return rows.map((e) => ({
    uid: e.uid,
    type: e.type,
    cardToken: cardTokenOf(db, e.cardId),
    voucherToken: e.voucherId === null ? null : ((db.prepare('SELECT token FROM vouchers WHERE id = ?').pluck().get(e.voucherId) as string | undefined) ?? null),
    seat: e.seat,
    at: e.at,
    data: e.data === null ? null : (JSON.parse(e.data) as Record<string, unknown>),
  }));
}

const EVENT_COLUMNS = 'uid, type, card_id AS cardId, voucher_id AS voucherId, seat, at, data';

function cardEvents(db: Db, cardId: number, at: number, types: string[]): WireEvent[] {
  const rows = db
    .prepare(`SELECT ${EVENT_COLUMNS} FROM events WHERE card_id = ? AND at = ? AND type IN (SELECT value FROM json_each(?)) ORDER BY id`)
    .all(cardId, at, JSON.stringify(types)) as EventRow[];
  return toWire(db, rows);
}

function voucherEvents(db: Db, voucherId: number, at: number, type: string): WireEvent[] {
  const rows = db.prepare(`SELECT ${EVENT_COLUMNS} FROM events WHERE voucher_id = ? AND at = ? AND type = ? ORDER BY id LIMIT 1`).all(voucherId, at, type) as EventRow[];
  return toWire(db, rows);
}
