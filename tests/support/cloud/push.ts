import { createHash } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { EntryOutcome, PushEntry, PushResponse } from '../../../shared/schemas/sync-protocol';
import type { Db, Storage } from './storage';
import { devices, outcomes, shops } from './schema';
import { WorkingSet } from './working-set';
import { inList, insertOutcomes } from './bulk';
import { applyOperation, rejected, wantedBy } from './rules';

/**
 * Push. The entries of a request are applied in seq order inside one transaction per request (or per part of it,
 * when a fault cuts it midway), which (1) bumps the shop's version as its first statement — the row lock orders
 * commits, so version order is commit order and no pull skips a late commit — (2) checks `seq == last_seq + 1` for
 * each entry, (3) applies the rule, (4) appends the changes and the outcome, (5) stores the outcome with the
 * entry's hash under its key and (6) advances the device's watermark. All of it commits together or not at all.
 * A seq at or below the watermark gets its stored outcome again; a seq beyond the next one stops the push there.
 */
export interface PushResult extends PushResponse {
  /** A transient failure that stopped the push (nothing of that transaction was kept), or null. */
  stoppedBy: unknown;
}

export function entryHash(entry: PushEntry): string {
  return createHash('sha256').update(JSON.stringify([entry.operation, entry.events])).digest('hex');
}

async function watermark(db: Db, shopId: string, deviceId: string): Promise<number> {
  const [row] = await db.select({ lastSeq: devices.lastSeq }).from(devices).where(and(eq(devices.shopId, shopId), eq(devices.deviceId, deviceId)));
  return row?.lastSeq ?? 0;
}

const keyReused = (entry: PushEntry): EntryOutcome => ({ seq: entry.seq, key: entry.key, ...rejected('keyReused', { seq: entry.seq }) });

/** Stored outcomes for entries at or below the watermark: a replay (an applied entry answers `duplicate`). */
async function replays(db: Db, shopId: string, deviceId: string, entries: PushEntry[]): Promise<EntryOutcome[]> {
  if (!entries.length) return [];
  const rows = await db
    .select()
    .from(outcomes)
    .where(and(eq(outcomes.shopId, shopId), eq(outcomes.deviceId, deviceId), inList(outcomes.seq, entries.map((e) => e.seq))));
  const bySeq = new Map(rows.map((r) => [r.seq, r]));
  return entries.map((entry) => {
    const row = bySeq.get(entry.seq);
    // Another key or another payload at a seq already used: a copied or restored PC, never applied.
    if (!row || row.key !== entry.key || row.hash !== entryHash(entry)) return keyReused(entry);
    const stored = row.outcome as EntryOutcome;
    return stored.status === 'applied' ? { ...stored, status: 'duplicate' } : stored;
  });
}

class NothingNew {
  constructor(readonly result: { outcomes: EntryOutcome[]; gap: number | null }) {}
}

/** One transaction: the entries after the watermark, in order, until a gap. */
async function applyEntries(
  storage: Storage,
  shopId: string,
  deviceId: string,
  entries: PushEntry[],
  now: number,
  beforeCommit?: (shopId: string) => Promise<void>,
): Promise<{ outcomes: EntryOutcome[]; gap: number | null }> {
  try {
    return await storage.db.transaction(async (tx) => {
      const [shop] = await tx
        .update(shops)
        .set({ version: sql`${shops.version} + 1` })
        .where(eq(shops.id, shopId))
        .returning({ version: shops.version });
      const last = await watermark(tx, shopId, deviceId);
      // Another request of this device may have gone first (a duplicate delivery): its entries are replays now.
      const old = entries.filter((e) => e.seq <= last);
      const result = await replays(tx, shopId, deviceId, old);
      let expected = last + 1;
      const fresh: PushEntry[] = [];
      let gap: number | null = null;
      for (const entry of entries.slice(old.length)) {
        if (entry.seq !== expected) {
          gap = expected;
          break;
        }
        fresh.push(entry);
        expected++;
      }
      if (!fresh.length) throw new NothingNew({ outcomes: result, gap });

      const ws = new WorkingSet(tx, shopId, shop!.version);
      const wanted = { cards: [] as string[], vouchers: [] as string[], codes: [] as string[], messages: [] as string[], events: [] as string[] };
      for (const entry of fresh) {
        wantedBy(entry.operation, wanted);
        for (const event of entry.events) wanted.events.push(event.uid);
      }
      await ws.load(wanted);
      const keys = fresh.map((e) => e.key);
      const usedRows = await tx.select({ key: outcomes.key }).from(outcomes).where(and(eq(outcomes.shopId, shopId), inList(outcomes.key, keys)));
      const used = new Set(usedRows.map((r) => r.key));

      const outcomeRows: { seq: number; key: string; hash: string; outcome: EntryOutcome }[] = [];
      for (const entry of fresh) {
        let outcome: EntryOutcome;
        if (used.has(entry.key)) outcome = keyReused(entry);
        else {
          used.add(entry.key);
          outcome = { seq: entry.seq, key: entry.key, ...applyOperation({ ws, deviceId, key: entry.key }, entry) };
          // Events travel with their entry (a refused one too: the history says what was tried), deduped by uid.
          ws.appendEvents(entry.events);
        }
        ws.outcome(deviceId, outcome);
        outcomeRows.push({ seq: entry.seq, key: entry.key, hash: entryHash(entry), outcome });
        result.push(outcome);
      }
      await ws.flush();
      await insertOutcomes(tx, shopId, deviceId, outcomeRows);
      const lastSeq = fresh.at(-1)!.seq;
      await tx
        .insert(devices)
        .values({ shopId, deviceId, lastSeq, lastSeenAt: now })
        .onConflictDoUpdate({ target: [devices.shopId, devices.deviceId], set: { lastSeq, lastSeenAt: now } });
      await storage.signal(tx, shopId);
      await beforeCommit?.(shopId);
      return { outcomes: result, gap };
    });
  } catch (error) {
    if (error instanceof NothingNew) return error.result; // rolled back: the version bump undone
    throw error;
  }
}

/**
 * Applies a push. `cutAfter` (a fault) commits the first that many entries in their own transaction and then
 * throws `cut()` instead of going on.
 */
export async function push(
  storage: Storage,
  shopId: string,
  deviceId: string,
  entries: PushEntry[],
  now: number,
  options: { cutAfter?: number | null; cut?: () => Error; beforeCommit?: (shopId: string) => Promise<void> } = {},
): Promise<PushResult> {
  const result: EntryOutcome[] = [];
  let expectedSeq: number | null = null;
  let stoppedBy: unknown = null;
  const known = await watermark(storage.db, shopId, deviceId);
  // Entries at or below the watermark are answered from the stored outcomes without a lock (it only grows).
  const leading = entries.findIndex((e) => e.seq > known);
  const replayed = leading === -1 ? entries : entries.slice(0, leading);
  result.push(...(await replays(storage.db, shopId, deviceId, replayed)));
  const rest = entries.slice(replayed.length);
  const parts = options.cutAfter != null && options.cutAfter < rest.length ? [rest.slice(0, options.cutAfter), rest.slice(options.cutAfter)] : [rest];
  for (const [index, part] of parts.entries()) {
    if (!part.length) continue;
    if (index > 0) throw options.cut?.() ?? new Error('push cut');
    try {
      const applied = await applyEntries(storage, shopId, deviceId, part, now, options.beforeCommit);
      result.push(...applied.outcomes);
      if (applied.outcomes.length) storage.committed(shopId);
      expectedSeq = applied.gap;
    } catch (error) {
      stoppedBy = error; // transient: the watermark did not move, the PC sends these entries again
    }
  }
  return { outcomes: result, lastSeq: await watermark(storage.db, shopId, deviceId).catch(() => known), expectedSeq, stoppedBy };
}
