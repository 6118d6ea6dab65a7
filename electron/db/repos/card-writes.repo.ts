import type { Db } from '../client';

/** Marks a live card deleted (the row stays for audit). Returns false when it was not live. */
export function softDeleteCard(db: Db, id: number, seat: string, at: number): boolean {
  return (
    db.prepare('UPDATE cards SET deleted_at = ?, deleted_by = ? WHERE id = ? AND deleted_at IS NULL').run(at, seat, id).changes === 1
  );
}

/** Sets a card's stamps only if they are still `expected` (guards against a concurrent change). */
export function setStamps(db: Db, id: number, expected: number, stamps: number, lastStampAt: number | null): boolean {
  return (
    db
      .prepare('UPDATE cards SET stamps = ?, last_stamp_at = coalesce(?, last_stamp_at) WHERE id = ? AND stamps = ? AND deleted_at IS NULL')
      .run(stamps, lastStampAt, id, expected).changes === 1
  );
}

export interface NewMessage {
  cardId: number;
  pushText: string | null;
  emailSubject: string | null;
  emailBody: string | null;
  seat: string;
  at: number;
}

/** A new queued message with its global id (`uid`). */
export function insertMessage(db: Db, message: NewMessage, uid: string): number {
  const result = db
    .prepare(
      `INSERT INTO messages (uid, card_id, push_text, email_subject, email_body, status, created_at, seat)
       VALUES (?, ?, ?, ?, ?, 'queued', ?, ?)`,
    )
    .run(uid, message.cardId, message.pushText, message.emailSubject, message.emailBody, message.at, message.seat);
  return Number(result.lastInsertRowid);
}
