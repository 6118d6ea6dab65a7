import { and, asc, eq, gt, sql } from 'drizzle-orm';
import type { PullResponse } from '../../../shared/schemas/sync-protocol';
import type { Storage } from './storage';
import { changes } from './schema';

/**
 * Pull: whole versions after the cursor, at most `limit` changes unless one version alone is larger (a version is
 * never split across pages), read in one REPEATABLE READ snapshot. The cursor is `<epoch>:<version>`; a cursor of
 * another epoch (the data started over) answers `reset: true` with the changes from the start.
 */
export const DEFAULT_PULL_LIMIT = 500;
export const MAX_PULL_LIMIT = 5000;
export const MAX_WAIT_SECONDS = 25;

export class BadCursor extends Error {}

export function parseCursor(cursor: string | null, epoch: string): { after: number; reset: boolean } {
  if (!cursor) return { after: 0, reset: false };
  const match = /^([A-Za-z0-9_-]{1,64}):(\d{1,15})$/.exec(cursor);
  if (!match) throw new BadCursor(`bad cursor ${cursor}`);
  if (match[1] !== epoch) return { after: 0, reset: true };
  return { after: Number(match[2]), reset: false };
}

/**
 * A pulled page with each change as its JSON text, straight from the database (`body::text` with its version put
 * in front): a first pull of 100,000 cards is never parsed and serialized again on the way through.
 */
export interface RawPage extends Omit<PullResponse, 'changes'> {
  changes: string[];
}

export function rawPageJson(page: RawPage): string {
  return `{"changes":[${page.changes.join(',')}],"cursor":${JSON.stringify(page.cursor)},"hasMore":${page.hasMore},"reset":${page.reset}}`;
}

export async function readPage(storage: Storage, shopId: string, after: number, limit: number): Promise<{ changes: string[]; last: number; hasMore: boolean }> {
  return storage.db.transaction(
    async (tx) => {
      // Walk the (shop_id, version, id) index in order and stop at the limit. Without statistics (PGlite has no
      // autovacuum) the planner would otherwise fetch and sort every change after the cursor, on every page.
      await tx.execute(sql`SET LOCAL enable_bitmapscan = off`);
      await tx.execute(sql`SET LOCAL enable_sort = off`);
      const select = () => tx.select({ version: changes.version, body: sql<string>`${changes.body}::text` }).from(changes);
      let rows = await select()
        .where(and(eq(changes.shopId, shopId), gt(changes.version, after)))
        .orderBy(asc(changes.version), asc(changes.id))
        .limit(limit + 1);
      let hasMore = rows.length > limit;
      if (hasMore) {
        const cut = rows[limit]!.version;
        const whole = rows.filter((r) => r.version < cut);
        if (whole.length) rows = whole;
        else {
          // One version alone fills the page: send all of it.
          rows = await select()
            .where(and(eq(changes.shopId, shopId), eq(changes.version, cut)))
            .orderBy(asc(changes.id));
          const beyond = await select()
            .where(and(eq(changes.shopId, shopId), gt(changes.version, cut)))
            .limit(1);
          hasMore = beyond.length > 0;
        }
      }
      const list = rows.map((r) => `{"version":${r.version},${r.body.slice(1)}`);
      return { changes: list, last: rows.length ? rows.at(-1)!.version : after, hasMore };
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
}

/** Waits until the shop's data changes, the time is up, or the request goes away. */
export function changeSignal(storage: Storage, shopId: string): { wait(ms: number, abort: AbortSignal): Promise<void>; dispose(): void } {
  let fired = false;
  let wake: (() => void) | null = null;
  const listener = (id: string) => {
    if (id !== shopId) return;
    fired = true;
    wake?.();
  };
  storage.changes.on('change', listener);
  return {
    wait: (ms, abort) =>
      new Promise<void>((resolve) => {
        if (fired || abort.aborted) return resolve();
        const timer = setTimeout(done, ms);
        function done() {
          clearTimeout(timer);
          abort.removeEventListener('abort', done);
          wake = null;
          fired = false;
          resolve();
        }
        wake = done;
        abort.addEventListener('abort', done);
      }),
    dispose: () => storage.changes.off('change', listener),
  };
}

export async function pull(
  storage: Storage,
  shopId: string,
  options: { cursor: string | null; limit: number; waitSeconds: number; abort: AbortSignal },
): Promise<RawPage> {
  const { after, reset } = parseCursor(options.cursor, storage.epoch);
  const signal = changeSignal(storage, shopId);
  try {
    const deadline = Date.now() + Math.min(options.waitSeconds, MAX_WAIT_SECONDS) * 1000;
    for (;;) {
      // No transaction stays open while waiting (on PGlite it would hold up every push).
      const page = await readPage(storage, shopId, after, options.limit);
      const left = deadline - Date.now();
      if (page.changes.length || reset || left <= 0 || options.abort.aborted) {
        return { changes: page.changes, cursor: `${storage.epoch}:${page.last}`, hasMore: page.hasMore, reset };
      }
      await signal.wait(left, options.abort);
    }
  } finally {
    signal.dispose();
  }
}
