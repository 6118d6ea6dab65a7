import { createHash } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { EntryOutcome, PushEntry, PushResponse } from '../../../shared/schemas/sync-protocol';
import type { Db, Storage } from './storage';
import { devices, outcomes, shops } from './schema';
import { appendChange, appendEvents } from './entities';
import { applyOperation } from './rules';

/**
 * Push: each entry in its own transaction, which (1) bumps the shop's version as its first statement — the row lock
 * orders commits, so version order is commit order — (2) checks `seq == last_seq + 1`, (3) applies the rule,
 * (4) appends the changes and the outcome, (5) stores the outcome with the entry's hash and (6) advances the watermark.
 * A seq at or below the watermark gets its stored outcome again; a seq beyond the next one stops the push.
 */
export interface PushHooks {
  /** Called after each entry's commit; a fault may cut the request there (throw to stop). */
  afterEntry?(index: number): Promise<void> | void;
}

export interface PushResult extends PushResponse {
  /** Entries after a transient failure were not looked at; the error that stopped them. */
  stoppedBy: unknown;
}

export function entryHash(entry: PushEntry): string {
  return createHash('sha256').update(JSON.stringify([entry.operation, entry.events])).digest('hex');
}

class Stop {
  constructor(readonly reply: EntryOutcome | { gap: number }) {}
}

async function watermark(db: Db, shopId: string, deviceId: string): Promise<number> {
  const [row] = await db.select({ lastSeq: devices.lastSeq }).from(devices).where(and(eq(devices.shopId, shopId), eq(devices.deviceId, deviceId)));
  return row?.lastSeq ?? 0;
}

/** The stored outcome for a seq at or below the watermark: a replay (an applied entry answers `duplicate`). */
async function replay(db: Db, shopId: string, deviceId: string, entry: PushEntry): Promise<EntryOutcome> {
  const [row] = await db.select().from(outcomes).where(and(eq(outcomes.shopId, shopId), eq(outcomes.deviceId, deviceId), eq(outcomes.seq, entry.seq)));
  if (!row || row.key !== entry.key || row.hash !== entryHash(entry)) {
    return { seq: entry.seq, key: entry.key, status: 'rejected', reason: { key: 'keyReused', params: { seq: entry.seq } }, detail: null };
  }
  const stored = row.outcome as EntryOutcome;
  return stored.status === 'applied' ? { ...stored, status: 'duplicate' } : stored;
}

async function applyEntry(storage: Storage, shopId: string, deviceId: string, entry: PushEntry, now: number): Promise<EntryOutcome | { gap: number }> {
  try {
    return await storage.db.transaction(async (tx) => {
      const [shop] = await tx
        .update(shops)
        .set({ version: sql`${shops.version} + 1` })
        .where(eq(shops.id, shopId))
        .returning({ version: shops.version });
      const version = shop!.version;
      const last = await watermark(tx, shopId, deviceId);
      if (entry.seq <= last) throw new Stop(await replay(tx, shopId, deviceId, entry));
      if (entry.seq > last + 1) throw new Stop({ gap: last + 1 });
      const hash = entryHash(entry);
      const [reused] = await tx.select({ seq: outcomes.seq }).from(outcomes).where(and(eq(outcomes.shopId, shopId), eq(outcomes.key, entry.key))).limit(1);
      const verdict = reused
        ? { status: 'rejected' as const, reason: { key: 'keyReused', params: { seq: entry.seq } }, detail: null }
        : await applyOperation({ tx, shopId, version, deviceId, key: entry.key }, entry);
      // Events travel with their entry (also a refused one: the history says what was tried), deduped by uid.
      if (!reused) await appendEvents(tx, shopId, version, entry.events);
      const outcome: EntryOutcome = { seq: entry.seq, key: entry.key, ...verdict };
      await appendChange(tx, shopId, version, { entity: 'outcome', deviceId, outcome });
      await tx.insert(outcomes).values({ shopId, deviceId, seq: entry.seq, key: entry.key, hash, outcome });
      await tx
        .insert(devices)
        .values({ shopId, deviceId, lastSeq: entry.seq, lastSeenAt: now })
        .onConflictDoUpdate({ target: [devices.shopId, devices.deviceId], set: { lastSeq: entry.seq, lastSeenAt: now } });
      await storage.signal(tx, shopId);
      return outcome;
    });
  } catch (error) {
    if (error instanceof Stop) return error.reply; // rolled back: nothing was written, the version bump undone
    throw error;
  }
}

export async function push(storage: Storage, shopId: string, deviceId: string, entries: PushEntry[], now: number, hooks: PushHooks = {}): Promise<PushResult> {
  const result: EntryOutcome[] = [];
  let expectedSeq: number | null = null;
  let stoppedBy: unknown = null;
  let known = await watermark(storage.db, shopId, deviceId);
  for (const [index, entry] of entries.entries()) {
    let reply: EntryOutcome | { gap: number };
    const fresh = entry.seq > known;
    try {
      // A replay needs no lock: the watermark only grows. A fresh entry checks again under the shop's lock.
      reply = fresh ? await applyEntry(storage, shopId, deviceId, entry, now) : await replay(storage.db, shopId, deviceId, entry);
    } catch (error) {
      stoppedBy = error; // transient: the watermark did not move, the PC sends this entry again
      break;
    }
    if ('gap' in reply) {
      expectedSeq = reply.gap;
      break;
    }
    result.push(reply);
    if (fresh) {
      known = Math.max(known, entry.seq);
      storage.committed(shopId);
    }
    await hooks.afterEntry?.(index);
  }
  return { outcomes: result, lastSeq: await watermark(storage.db, shopId, deviceId).catch(() => known), expectedSeq, stoppedBy };
}
