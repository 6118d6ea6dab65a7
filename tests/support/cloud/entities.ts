import { and, asc, eq, sql } from 'drizzle-orm';
import type { WireCard, WireChange, WireEvent, WireVoucher } from '../../../shared/schemas/sync-protocol';
import type { Db } from './storage';
import { cards, changes, events, ledger, messages, templates, vouchers } from './schema';

/** A change as stored: the protocol's change without its version (the row carries it). */
export type ChangeBody = WireChange extends infer C ? (C extends WireChange ? Omit<C, 'version'> : never) : never;

export type Message = Extract<WireChange, { entity: 'message' }>['message'];
export type Template = Extract<WireChange, { entity: 'template' }>['template'];

/** A card as stored: everything but its stamps, which are the sum of its ledger. */
type StoredCard = Omit<WireCard, 'stamps'>;

export async function appendChange(tx: Db, shopId: string, version: number, body: ChangeBody): Promise<void> {
  await tx.insert(changes).values({ shopId, version, body });
}

export async function stampsOf(tx: Db, shopId: string, token: string): Promise<number> {
  const [row] = await tx
    .select({ total: sql<string | null>`sum(${ledger.delta})` })
    .from(ledger)
    .where(and(eq(ledger.shopId, shopId), eq(ledger.cardToken, token)));
  return Number(row?.total ?? 0);
}

export async function findCard(tx: Db, shopId: string, token: string): Promise<WireCard | null> {
  const [row] = await tx.select().from(cards).where(and(eq(cards.shopId, shopId), eq(cards.token, token)));
  if (!row) return null;
  return { ...(row.data as StoredCard), stamps: await stampsOf(tx, shopId, token) };
}

/** Writes the card (not its stamps) and appends its whole state as a change. */
export async function saveCard(tx: Db, shopId: string, version: number, card: WireCard, isNew: boolean): Promise<WireCard> {
  const { stamps: _stamps, ...data } = card;
  if (isNew) await tx.insert(cards).values({ shopId, token: card.token, number: card.number, data });
  else await tx.update(cards).set({ data }).where(and(eq(cards.shopId, shopId), eq(cards.token, card.token)));
  const state = { ...card, stamps: await stampsOf(tx, shopId, card.token) };
  await appendChange(tx, shopId, version, { entity: 'card', card: state });
  return state;
}

export async function addStamps(tx: Db, shopId: string, key: string, cardToken: string, delta: number, at: number): Promise<void> {
  await tx.insert(ledger).values({ shopId, key, cardToken, delta, at }).onConflictDoNothing();
}

export async function nextCardNumber(tx: Db, shopId: string): Promise<number> {
  const [row] = await tx.select({ top: sql<number | null>`max(${cards.number})` }).from(cards).where(eq(cards.shopId, shopId));
  return Number(row?.top ?? 0) + 1;
}

export interface StoredVoucher {
  voucher: WireVoucher;
  redeemedDevice: string | null;
}

export async function findVoucher(tx: Db, shopId: string, token: string): Promise<StoredVoucher | null> {
  const [row] = await tx.select().from(vouchers).where(and(eq(vouchers.shopId, shopId), eq(vouchers.token, token)));
  return row ? { voucher: row.data as WireVoucher, redeemedDevice: row.redeemedDevice } : null;
}

/** Whether another voucher of the shop holds this redeem code. */
export async function codeTaken(tx: Db, shopId: string, code: string, token: string): Promise<boolean> {
  const rows = await tx
    .select({ token: vouchers.token })
    .from(vouchers)
    .where(and(eq(vouchers.shopId, shopId), eq(vouchers.redeemCode, code), sql`${vouchers.token} <> ${token}`))
    .limit(1);
  return rows.length > 0;
}

export async function saveVoucher(tx: Db, shopId: string, version: number, stored: StoredVoucher, isNew: boolean): Promise<void> {
  const values = { redeemCode: stored.voucher.redeemCode, data: stored.voucher, redeemedDevice: stored.redeemedDevice };
  if (isNew) await tx.insert(vouchers).values({ shopId, token: stored.voucher.token, ...values });
  else await tx.update(vouchers).set(values).where(and(eq(vouchers.shopId, shopId), eq(vouchers.token, stored.voucher.token)));
  await appendChange(tx, shopId, version, { entity: 'voucher', voucher: stored.voucher });
}

/** Appends events not seen before (by uid) to the history and the change log. */
export async function appendEvents(tx: Db, shopId: string, version: number, list: WireEvent[]): Promise<void> {
  for (const event of list) {
    const inserted = await tx.insert(events).values({ shopId, uid: event.uid, data: event }).onConflictDoNothing().returning({ uid: events.uid });
    if (inserted.length) await appendChange(tx, shopId, version, { entity: 'event', event });
  }
}

export async function findMessage(tx: Db, shopId: string, uid: string): Promise<Message | null> {
  const [row] = await tx.select().from(messages).where(and(eq(messages.shopId, shopId), eq(messages.uid, uid)));
  return row ? (row.data as Message) : null;
}

export async function saveMessage(tx: Db, shopId: string, version: number, message: Message, isNew: boolean): Promise<void> {
  if (isNew) await tx.insert(messages).values({ shopId, uid: message.uid, data: message });
  else await tx.update(messages).set({ data: message }).where(and(eq(messages.shopId, shopId), eq(messages.uid, message.uid)));
  await appendChange(tx, shopId, version, { entity: 'message', message });
}

export async function saveTemplate(tx: Db, shopId: string, version: number, template: Template): Promise<void> {
  await tx.insert(templates).values({ shopId, id: template.id, data: template }).onConflictDoUpdate({ target: [templates.shopId, templates.id], set: { data: template } });
  await appendChange(tx, shopId, version, { entity: 'template', template });
}

export async function findTemplate(tx: Db, shopId: string, id: number): Promise<Template | null> {
  const [row] = await tx.select().from(templates).where(and(eq(templates.shopId, shopId), eq(templates.id, id)));
  return row ? (row.data as Template) : null;
}

/** The shop's cards, vouchers and events as the protocol's shapes (for comparing a PC's database with the cloud). */
export async function shopSnapshot(db: Db, shopId: string): Promise<{ cards: WireCard[]; vouchers: WireVoucher[]; events: WireEvent[] }> {
  const sums = await db
    .select({ token: ledger.cardToken, total: sql<string>`sum(${ledger.delta})` })
    .from(ledger)
    .where(eq(ledger.shopId, shopId))
    .groupBy(ledger.cardToken);
  const stamps = new Map(sums.map((s) => [s.token, Number(s.total)]));
  const cardRows = await db.select().from(cards).where(eq(cards.shopId, shopId)).orderBy(asc(cards.number), asc(cards.token));
  const voucherRows = await db.select().from(vouchers).where(eq(vouchers.shopId, shopId)).orderBy(asc(vouchers.token));
  const eventRows = await db.select().from(events).where(eq(events.shopId, shopId)).orderBy(asc(events.seq));
  return {
    cards: cardRows.map((r) => ({ ...(r.data as StoredCard), stamps: stamps.get(r.token) ?? 0 })),
    vouchers: voucherRows.map((r) => r.data as WireVoucher),
    events: eventRows.map((r) => r.data as WireEvent),
  };
}
