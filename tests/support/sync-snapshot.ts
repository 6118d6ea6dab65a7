import type { Db } from '../../electron/db/client';
import type { WireCard, WireEvent, WireVoucher } from '../../shared/schemas/sync-protocol';

/**
 * What must be equal everywhere after sync, read independently on each side: from a PC's SQLite tables and from
 * the cloud's snapshot. Cards by token, vouchers by token, history events by uid, each sorted, with the fields both
 * sides know (a PC's local row ids and the cloud's bookkeeping are left out).
 */
export interface SyncSnapshot {
  cards: SnapCard[];
  vouchers: SnapVoucher[];
  events: SnapEvent[];
}

export interface SnapCard {
  token: string;
  number: number;
  name: string;
  email: string | null;
  phone: string | null;
  templateId: number;
  templateVersion: number;
  goal: number;
  stamps: number;
  platforms: number;
  createdAt: number;
  lastStampAt: number | null;
  deletedAt: number | null;
  deletedBy: string | null;
}

export interface SnapVoucher {
  token: string;
  cardToken: string | null;
  title: string;
  codeKind: string | null;
  redeemCode: string | null;
  status: string;
  issuedAt: number;
  expiresAt: number | null;
  redeemedAt: number | null;
  redeemedBy: string | null;
  voidedAt: number | null;
}

export interface SnapEvent {
  uid: string;
  type: string;
  cardToken: string | null;
  voucherToken: string | null;
  seat: string;
  at: number;
}

const byKey = <T>(key: (item: T) => string) => (a: T, b: T) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);

/** The local `static` POS code kind is `pos` on the wire. */
const wireCodeKind = (kind: string | null) => (kind === 'static' ? 'pos' : kind);

function columns(db: Db, table: string): Set<string> {
  return new Set((db.sqlite.prepare(`PRAGMA table_info("${table}")`).all() as { name: string }[]).map((c) => c.name));
}

export function snapshotOfPc(db: Db): SyncSnapshot {
  const cards = db.sqlite
    .prepare(
      `SELECT c.token, c.id AS number, cu.name, cu.email, cu.phone, c.template_id AS templateId, c.template_version AS templateVersion,
              c.goal, c.stamps, c.platforms, c.created_at AS createdAt, c.last_stamp_at AS lastStampAt,
              c.deleted_at AS deletedAt, c.deleted_by AS deletedBy
       FROM cards c JOIN customers cu ON cu.id = c.customer_id`,
    )
    .all() as SnapCard[];
  const vouchers = (
    db.sqlite
      .prepare(
        `SELECT v.token, c.token AS cardToken, v.title, v.code_kind AS codeKind, v.redeem_code AS redeemCode, v.status,
                v.issued_at AS issuedAt, v.expires_at AS expiresAt, v.redeemed_at AS redeemedAt, v.redeemed_by AS redeemedBy,
                v.voided_at AS voidedAt
         FROM vouchers v LEFT JOIN cards c ON c.id = v.card_id`,
      )
      .all() as SnapVoucher[]
  ).map((v) => ({ ...v, codeKind: wireCodeKind(v.codeKind) }));
  // history events carry a global uid once sync exists (migration 0011); without it nothing can be compared
  const eventUid = columns(db, 'events').has('uid') ? 'e.uid' : "'(no uid column)'";
  const events = db.sqlite
    .prepare(
      `SELECT ${eventUid} AS uid, e.type, c.token AS cardToken, v.token AS voucherToken, e.seat, e.at
       FROM events e LEFT JOIN cards c ON c.id = e.card_id LEFT JOIN vouchers v ON v.id = e.voucher_id`,
    )
    .all() as SnapEvent[];
  return sorted({ cards, vouchers, events });
}

export function snapshotOfCloud(snapshot: { cards: WireCard[]; vouchers: WireVoucher[]; events: WireEvent[] }): SyncSnapshot {
  return sorted({
    cards: snapshot.cards.map((c) => ({
      token: c.token,
      number: c.number,
      name: c.customer.name,
      email: c.customer.email ?? null,
      phone: c.customer.phone ?? null,
      templateId: c.templateId,
      templateVersion: c.templateVersion,
      goal: c.goal,
      stamps: c.stamps,
      platforms: c.platforms,
      createdAt: c.createdAt,
      lastStampAt: c.lastStampAt,
      deletedAt: c.deletedAt,
      deletedBy: c.deletedBy,
    })),
    vouchers: snapshot.vouchers.map((v) => ({
      token: v.token,
      cardToken: v.cardToken,
      title: v.title,
      codeKind: v.codeKind,
      redeemCode: v.redeemCode,
      status: v.status,
      issuedAt: v.issuedAt,
      expiresAt: v.expiresAt,
      redeemedAt: v.redeemedAt,
      redeemedBy: v.redeemedBy,
      voidedAt: v.voidedAt,
    })),
    events: snapshot.events.map((e) => ({ uid: e.uid, type: e.type, cardToken: e.cardToken, voucherToken: e.voucherToken, seat: e.seat, at: e.at })),
  });
}

function sorted(snapshot: SyncSnapshot): SyncSnapshot {
  return {
    cards: [...snapshot.cards].sort(byKey((c) => c.token)),
    vouchers: [...snapshot.vouchers].sort(byKey((v) => v.token)),
    events: [...snapshot.events].sort(byKey((e) => e.uid)),
  };
}

/** Stamps over all live cards: what "the counters add up" compares. */
export function totalStamps(snapshot: SyncSnapshot): number {
  return snapshot.cards.filter((c) => c.deletedAt === null).reduce((sum, c) => sum + c.stamps, 0);
}
