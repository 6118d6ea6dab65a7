import type { Db } from '../client';
import type { EventType } from '../../../shared/domain/events';

export interface NewEvent {
  cardId: number | null;
  voucherId?: number | null;
  type: EventType;
  seat: string;
  at: number;
  data?: Record<string, unknown> | null;
}

/** Appends one event to the log; every change a user can see in a card's history goes through here. */
export function insertEvent(db: Db, event: NewEvent): number {
  const result = db
    .prepare('INSERT INTO events (card_id, voucher_id, type, seat, at, data) VALUES (?, ?, ?, ?, ?, ?)')
    .run(event.cardId, event.voucherId ?? null, event.type, event.seat, event.at, event.data ? JSON.stringify(event.data) : null);
  return Number(result.lastInsertRowid);
}
