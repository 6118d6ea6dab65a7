import crypto from 'node:crypto';
import type { Db } from '../client';

/**
 * Queues a change for the cloud card service. Call inside the same transaction as the change itself:
 * both land or neither. The idempotency key lets the server apply it once, however often it is sent.
 */
export function enqueueOutbox(db: Db, kind: string, payload: Record<string, unknown>, now: number): string {
  const key = crypto.randomUUID();
  db
    .prepare('INSERT INTO outbox (idempotency_key, kind, payload, created_at) VALUES (?, ?, ?, ?)')
    .run(key, kind, JSON.stringify(payload), now);
  return key;
}
