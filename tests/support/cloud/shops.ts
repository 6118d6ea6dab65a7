import { createHash, randomBytes } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { Db, Storage } from './storage';
import { shops } from './schema';
import { WorkingSet } from './working-set';

/** Shops and their API keys: the cloud keeps only a SHA-256 hash of each key. */
export const DEFAULT_TEMPLATE = { id: 1, name: 'Stamp card', version: 1, goal: 8 } as const;

export const hashKey = (apiKey: string) => createHash('sha256').update(apiKey).digest('hex');

export interface Shop {
  id: string;
  name: string;
}

export async function shopByKey(db: Db, apiKey: string): Promise<Shop | null> {
  const [row] = await db.select({ id: shops.id, name: shops.name }).from(shops).where(eq(shops.keyHash, hashKey(apiKey)));
  return row ?? null;
}

/**
 * One writing transaction of a shop: the version bump first (the shop row stays locked until commit), then `write`
 * with that version; waiting pulls wake after the commit.
 */
export async function inShopTransaction<T>(storage: Storage, shopId: string, write: (ws: WorkingSet) => Promise<T>): Promise<T> {
  const result = await storage.db.transaction(async (tx) => {
    const [row] = await tx
      .update(shops)
      .set({ version: sql`${shops.version} + 1` })
      .where(eq(shops.id, shopId))
      .returning({ version: shops.version });
    if (!row) throw new Error(`no shop ${shopId}`);
    const ws = new WorkingSet(tx, shopId, row.version);
    const value = await write(ws);
    await ws.flush();
    await storage.signal(tx, shopId);
    return value;
  });
  storage.committed(shopId);
  return result;
}

/** A new shop with its default template; `apiKey` pins the key (a demo's), else a random one is made. */
export async function createShop(storage: Storage, name: string, now: number, apiKey = `sdk_${randomBytes(24).toString('base64url')}`): Promise<{ shopId: string; apiKey: string }> {
  const existing = await shopByKey(storage.db, apiKey);
  if (existing) return { shopId: existing.id, apiKey };
  const shopId = `shop_${randomBytes(8).toString('hex')}`;
  await storage.db.insert(shops).values({ id: shopId, name, keyHash: hashKey(apiKey), version: 0, createdAt: now });
  await inShopTransaction(storage, shopId, async (ws) => ws.putTemplate({ ...DEFAULT_TEMPLATE }));
  return { shopId, apiKey };
}
