import type { Db } from '../client';
import type { EventType } from '../../../shared/domain/events';
import type { CardFields } from './card-fields';

export interface CardRow extends CardFields {
  token: string;
  customerId: number;
  templateName: string;
  deletedAt: number | null;
}

/** One card with its customer and template name, deleted or not; undefined when there is no such card. */
export function findCard(db: Db, id: number): CardRow | undefined {
  return db
    .prepare(
      `SELECT c.id, c.token, c.customer_id AS customerId, cu.name, cu.email, cu.phone, c.stamps, c.goal, c.platforms,
              c.template_id AS templateId, c.template_version AS templateVersion, t.name AS templateName,
              c.created_at AS createdAt, c.last_stamp_at AS lastStampAt, c.deleted_at AS deletedAt
       FROM cards c JOIN customers cu ON cu.id = c.customer_id JOIN card_templates t ON t.id = c.template_id
       WHERE c.id = ?`,
    )
    .get(id) as CardRow | undefined;
}

export interface RewardStepRow {
  stamps: number;
  title: string;
  mime: string | null;
  bytes: Buffer | null;
}

/**
 * The reward step to show for a card: the next milestone it has not reached yet, or, when it has
 * reached them all, the last one.
 */
export function findRewardStep(db: Db, templateId: number, version: number, stamps: number): RewardStepRow | undefined {
  return db
    .prepare(
      `SELECT r.stamps, r.title, i.mime, i.bytes FROM template_rewards r LEFT JOIN images i ON i.id = r.image_id
       WHERE r.template_id = ? AND r.version = ?
       ORDER BY (r.stamps <= ?) ASC, CASE WHEN r.stamps > ? THEN r.stamps ELSE -r.stamps END ASC LIMIT 1`,
    )
    .get(templateId, version, stamps, stamps) as RewardStepRow | undefined;
}

export interface EventRow {
  id: number;
  type: EventType;
  seat: string;
  at: number;
  data: string | null;
  /** For voucher events: the voucher, its title and code (read from the voucher, so older events are named too). */
  voucherId: number | null;
  voucherTitle: string | null;
  voucherCode: string | null;
}

/** A card's events, newest first, after event id `before` (exclusive), with the voucher of voucher events. */
export function listCardEvents(db: Db, cardId: number, before: number | undefined, limit: number): EventRow[] {
  return db
    .prepare(
      `SELECT e.id, e.type, e.seat, e.at, e.data, e.voucher_id AS voucherId, v.title AS voucherTitle, v.redeem_code AS voucherCode
       FROM events e LEFT JOIN vouchers v ON v.id = e.voucher_id
       WHERE e.card_id = ? AND e.id < ? ORDER BY e.id DESC LIMIT ?`,
    )
    .all(cardId, before ?? Number.MAX_SAFE_INTEGER, limit) as EventRow[];
}

export function countCardEvents(db: Db, cardId: number): number {
  return (db.prepare('SELECT count(*) AS n FROM events WHERE card_id = ?').get(cardId) as { n: number }).n;
}

/** The live card with this number or this QR token, if any. */
export function findLiveCardIdByNumberOrToken(db: Db, number: number | null, token: string | null): number | null {
  if (number !== null) {
    const id = db.prepare('SELECT id FROM cards WHERE id = ? AND deleted_at IS NULL').pluck().get(number) as number | undefined;
    if (id !== undefined) return id;
  }
  if (token !== null) {
    const id = db.prepare('SELECT id FROM cards WHERE token = ? AND deleted_at IS NULL').pluck().get(token) as number | undefined;
    if (id !== undefined) return id;
  }
  return null;
}
