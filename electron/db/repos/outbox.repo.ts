import crypto from 'node:crypto';
import type { Db } from '../client';
import { signalOutboxWrite } from '../outbox-signal';
import type { WireEvent, WireOperation } from '../../../shared/schemas/sync-protocol';

/** What enqueueOutbox wrote: the entry's seq (the row id) and its idempotency key. */
export interface QueuedEntry {
  seq: number;
  key: string;
}

/**
 * Queues a change for the cloud card service as one wire entry: the operation and the history events it wrote
 * (shared/schemas/sync-protocol.ts; global ids only). Call inside the same transaction as the change itself: both
 * land or neither. The idempotency key lets the server apply it once, however often it is sent; the row id is the
 * entry's seq. The sync engine hears of it after the transaction (electron/db/outbox-signal.ts).
 */
export function enqueueOutbox(db: Db, operation: WireOperation, events: readonly WireEvent[], now: number): QueuedEntry {
  const key = crypto.randomUUID();
  const result = db
    .prepare('INSERT INTO outbox (idempotency_key, kind, payload, created_at) VALUES (?, ?, ?, ?)')
    .run(key, operation.kind, JSON.stringify({ operation, events }), now);
  signalOutboxWrite();
  return { seq: Number(result.lastInsertRowid), key };
}

/** Many entries at once (a batch of vouchers): one multi-row statement per 64 entries; returns their keys. */
export function enqueueOutboxMany(db: Db, entries: ReadonlyArray<{ operation: WireOperation; events: readonly WireEvent[] }>, now: number): void {
  const step = 64;
  const full = db.prepare(`INSERT INTO outbox (idempotency_key, kind, payload, created_at) VALUES ${Array(step).fill('(?, ?, ?, ?)').join(', ')}`);
  const one = db.prepare('INSERT INTO outbox (idempotency_key, kind, payload, created_at) VALUES (?, ?, ?, ?)');
  const values = (e: { operation: WireOperation; events: readonly WireEvent[] }) =>
    [crypto.randomUUID(), e.operation.kind, JSON.stringify({ operation: e.operation, events: e.events }), now] as const;
  let i = 0;
  for (; i + step <= entries.length; i += step) full.run(entries.slice(i, i + step).flatMap(values));
  for (; i < entries.length; i++) one.run(...values(entries[i]!));
  if (entries.length > 0) signalOutboxWrite();
}

/** The newest entry's seq (0 for an empty outbox). */
export function lastOutboxSeq(db: Db): number {
  return db.prepare('SELECT coalesce(max(id), 0) FROM outbox').pluck().get() as number;
}

/**
 * Takes back the entries after `seq` that no push has seen (demo data, which stays on this PC). Only the tail goes,
 * so the seq stays without gaps: the next entry takes the next number after what is left.
 */
export function keepDemoLocal(db: Db, seq: number): void {
  db.tx(() => {
    const seen = db.prepare('SELECT count(*) FROM outbox WHERE id > ? AND (sent_at IS NOT NULL OR confirmed_at IS NOT NULL)').pluck().get(seq) as number;
    if (seen === 0) db.prepare('DELETE FROM outbox WHERE id > ?').run(seq);
  });
}
