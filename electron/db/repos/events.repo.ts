import crypto from 'node:crypto';
import type { Db } from '../client';
import type { EventType } from '../../../shared/domain/events';
import type { WireEvent } from '../../../shared/schemas/sync-protocol';

export interface NewEvent {
  cardId: number | null;
  voucherId?: number | null;
  type: EventType;
  seat: string;
  at: number;
  data?: Record<string, unknown> | null;
  /** Its global id; a new random one when absent. */
  uid?: string;
}

/** A new global id for an event, message or batch: 32 random hex characters. */
export function newUid(): string {
  return crypto.randomBytes(16).toString('hex');
}

/** `count` new global ids from one call to the random source (a batch of thousands). */
export function newUids(count: number): string[] {
  const bytes = crypto.randomBytes(16 * count).toString('hex');
  return Array.from({ length: count }, (_, i) => bytes.slice(i * 32, i * 32 + 32));
}

/** Appends one event to the log; every change a user can see in a card's history goes through here. */
export function insertEvent(db: Db, event: NewEvent): number {
  return addEvent(db, event).id;
}

/** Appends one event and returns its row id and global id. */
export function addEvent(db: Db, event: NewEvent): { id: number; uid: string } {
  const uid = event.uid ?? newUid();
  const result = db
    .prepare('INSERT INTO events (uid, card_id, voucher_id, type, seat, at, data) VALUES (?, ?, ?, ?, ?, ?, ?)')
    .run(uid, event.cardId, event.voucherId ?? null, event.type, event.seat, event.at, event.data ? JSON.stringify(event.data) : null);
  return { id: Number(result.lastInsertRowid), uid };
}

/** Global ids of the card and voucher an event concerns. */
export interface EventRefs {
  cardToken: string | null;
  voucherToken: string | null;
}

/** Appends one event and returns it as the wire carries it (for the change's outbox entry) with its row id. */
export function addWireEvent(db: Db, event: NewEvent, refs: EventRefs): { id: number; event: WireEvent } {
  const { id, uid } = addEvent(db, event);
  return { id, event: toWireEvent(uid, event, refs) };
}

export function toWireEvent(uid: string, event: NewEvent, refs: EventRefs): WireEvent {
  return { uid, type: event.type, cardToken: refs.cardToken, voucherToken: refs.voucherToken, seat: event.seat, at: event.at, data: event.data ?? null };
}
