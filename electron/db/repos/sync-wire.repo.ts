import type { Db } from '../client';
import type { WireCard, WireEvent, WireOperation, WireVoucher } from '../../../shared/schemas/sync-protocol';
import { toWireEvent } from './events.repo';
import { voucherIssuedData, type NewVoucher } from './vouchers.repo';

/**
 * Local rows as the sync protocol names them (global ids only): a card by its token, a voucher by its token, a
 * batch by its uid. A local static POS code is `pos` on the wire.
 */

const VOUCHER_SELECT = `SELECT v.token, c.token AS cardToken, b.uid AS batchUid, v.title, v.description, v.image_id AS imageId,
  CASE v.code_kind WHEN 'static' THEN 'pos' ELSE v.code_kind END AS codeKind, v.redeem_code AS redeemCode, v.status, v.source,
  v.issued_at AS issuedAt, v.expires_at AS expiresAt, v.redeemed_at AS redeemedAt, v.redeemed_by AS redeemedBy,
  v.voided_at AS voidedAt, v.void_reason AS voidReason
  FROM vouchers v LEFT JOIN cards c ON c.id = v.card_id LEFT JOIN voucher_batches b ON b.id = v.batch_id`;

export function wireVoucherOf(db: Db, voucherId: number): WireVoucher {
  return db.prepare(`${VOUCHER_SELECT} WHERE v.id = ?`).get(voucherId) as WireVoucher;
}

/** Vouchers with consecutive ids from `firstId` (a batch made in one transaction), in id order. */
export function wireVouchersFrom(db: Db, firstId: number, count: number): WireVoucher[] {
  return db.prepare(`${VOUCHER_SELECT} WHERE v.id >= ? AND v.id < ? ORDER BY v.id`).all(firstId, firstId + count) as WireVoucher[];
}

export function wireCardOf(db: Db, cardId: number): WireCard {
  const row = db
    .prepare(
      `SELECT c.token, c.id AS number, cu.name, cu.email, cu.phone, cu.birthday, c.template_id AS templateId,
              c.template_version AS templateVersion, c.goal, c.stamps, c.platforms, c.created_at AS createdAt,
              c.last_stamp_at AS lastStampAt, c.deleted_at AS deletedAt, c.deleted_by AS deletedBy
       FROM cards c JOIN customers cu ON cu.id = c.customer_id WHERE c.id = ?`,
    )
    .get(cardId) as Omit<WireCard, 'customer'> & { name: string; email: string | null; phone: string | null; birthday: string | null };
  const { name, email, phone, birthday, ...card } = row;
  return { ...card, customer: { name, email, phone, birthday } };
}

export function cardTokenOf(db: Db, cardId: number | null): string | null {
  if (cardId === null) return null;
  return (db.prepare('SELECT token FROM cards WHERE id = ?').pluck().get(cardId) as string | undefined) ?? null;
}

export function batchUidOf(db: Db, batchId: number): string {
  return db.prepare('SELECT uid FROM voucher_batches WHERE id = ?').pluck().get(batchId) as string;
}

/**
 * The `voucher.issued` entry of a voucher just inserted (with `eventUid` set): the voucher as the wire has it and
 * its voucher_issued event, built from what was written (no read back: a batch of 10,000 stays fast).
 */
export function voucherIssuedEntry(v: NewVoucher, cardToken: string | null, batchUid: string | null, seat: string): { operation: WireOperation; events: WireEvent[] } {
  const voucher: WireVoucher = {
    token: v.token,
    cardToken,
    batchUid,
    title: v.title,
    description: v.description,
    imageId: v.imageId,
    codeKind: v.codeKind === 'static' ? 'pos' : v.codeKind,
    redeemCode: v.redeemCode,
    status: 'active',
    source: v.source,
    issuedAt: v.issuedAt,
    expiresAt: v.expiresAt,
    redeemedAt: null,
    redeemedBy: null,
    voidedAt: null,
    voidReason: null,
  };
  const event = toWireEvent(v.eventUid!, { cardId: v.cardId, type: 'voucher_issued', seat, at: v.issuedAt, data: voucherIssuedData(v) }, { cardToken, voucherToken: v.token });
  return { operation: { kind: 'voucher.issued', voucher }, events: [event] };
}
