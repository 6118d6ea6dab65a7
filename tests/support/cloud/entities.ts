import { asc, eq, sql } from 'drizzle-orm';
import type { WireCard, WireChange, WireEvent, WireVoucher } from '../../../shared/schemas/sync-protocol';
import type { Db } from './storage';
import { cards, events, ledger, messages, vouchers } from './schema';

/** A change as stored: the protocol's change without its version (the row carries it). */
export type ChangeBody = WireChange extends infer C ? (C extends WireChange ? Omit<C, 'version'> : never) : never;

export type Message = Extract<WireChange, { entity: 'message' }>['message'];
export type Template = Extract<WireChange, { entity: 'template' }>['template'];

export async function nextCardNumber(tx: Db, shopId: string): Promise<number> {
  const [row] = await tx.select({ top: sql<number | null>`max(${cards.number})` }).from(cards).where(eq(cards.shopId, shopId));
  return Number(row?.top ?? 0) + 1;
}

/** The shop's cards, vouchers and events as the protocol's shapes (for comparing a PC's database with the cloud). */
export async function shopSnapshot(db: Db, shopId: string): Promise<{ cards: WireCard[]; vouchers: WireVoucher[]; events: WireEvent[] }> {
  return db.transaction(
    async (tx) => {
      const sums = await tx
        .select({ token: ledger.cardToken, total: sql<string>`sum(${ledger.delta})` })
        .from(ledger)
        .where(eq(ledger.shopId, shopId))
        .groupBy(ledger.cardToken);
      const stamps = new Map(sums.map((s) => [s.token, Number(s.total)]));
      const cardRows = await tx.select().from(cards).where(eq(cards.shopId, shopId)).orderBy(asc(cards.number), asc(cards.token));
      const voucherRows = await tx.select().from(vouchers).where(eq(vouchers.shopId, shopId)).orderBy(asc(vouchers.token));
      const eventRows = await tx.select().from(events).where(eq(events.shopId, shopId)).orderBy(asc(events.seq));
      return {
        cards: cardRows.map((r) => ({ ...(r.data as Omit<WireCard, 'stamps'>), stamps: stamps.get(r.token) ?? 0 })),
        vouchers: voucherRows.map((r) => r.data as WireVoucher),
        events: eventRows.map((r) => r.data as WireEvent),
      };
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
}

export async function shopMessages(db: Db, shopId: string): Promise<Message[]> {
  const rows = await db.select().from(messages).where(eq(messages.shopId, shopId)).orderBy(asc(messages.uid));
  return rows.map((r) => r.data as Message);
}
