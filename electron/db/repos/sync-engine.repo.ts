import type { Db } from '../client';
import type { PushEntry, WireEvent, WireOperation } from '../../../shared/schemas/sync-protocol';

/**
 * Outbox entries from `seq` on, confirmed or not, in seq order: when the cloud was restored from a backup it asks
 * for entries it had already confirmed (a push reply's `expectedSeq`), and the outbox keeps them for this.
 * (Queries of the sync engine, next to sync-outbox.repo.ts and with its payload shape.)
 */
export function entriesFrom(db: Db, seq: number, limit: number): PushEntry[] {
  const rows = db
    .prepare('SELECT id, idempotency_key AS key, payload FROM outbox WHERE id >= ? ORDER BY id LIMIT ?')
    .all(seq, limit) as Array<{ id: number; key: string; payload: string }>;
  return rows.map((row) => {
    const payload = JSON.parse(row.payload) as { operation: WireOperation; events: WireEvent[] };
    return { seq: row.id, key: row.key, operation: payload.operation, events: payload.events };
  });
}

/** The newest outbox seq (0 when empty): taken before a redemption, to find the entry it writes. */
export function lastOutboxSeq(db: Db): number {
  return (db.prepare('SELECT coalesce(max(id), 0) FROM outbox').pluck().get() as number) ?? 0;
}

/** The `voucher.redeemed` entry written after `afterSeq` (by the redemption that just ran), if any. */
export function redemptionEntryAfter(db: Db, afterSeq: number): number | null {
  return (db.prepare("SELECT id FROM outbox WHERE id > ? AND kind = 'voucher.redeemed' ORDER BY id DESC LIMIT 1").pluck().get(afterSeq) as number | undefined) ?? null;
}

/**
 * The conflict recorded for an entry counts as seen: an online redemption's refusal was answered at the counter
 * (the person redeeming saw "already redeemed at …"), so it is no conflict left for later.
 */
export function markEntryConflictSeen(db: Db, entrySeq: number, now: number): void {
  db.prepare('UPDATE sync_conflicts SET seen_at = coalesce(seen_at, ?) WHERE entry_seq = ?').run(now, entrySeq);
}
