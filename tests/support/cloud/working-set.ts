import { and, eq, sql } from 'drizzle-orm';
import type { EntryOutcome, WireCard, WireEvent, WireVoucher } from '../../../shared/schemas/sync-protocol';
import type { Db } from './storage';
import { cards, events, ledger, messages, templates, vouchers } from './schema';
import { inList, insertChanges, insertEvents, insertLedger, upsertCards, upsertMessages, upsertVouchers } from './bulk';
import type { ChangeBody, Message, Template } from './entities';

/**
 * The rows one writing transaction of a shop reads and writes, held in memory: loaded in a few queries, changed by
 * the rules in server order, written back in a few batched statements by `flush()`. Each entity's change is its
 * whole state once per version (its last state in this transaction); events and outcomes come in order.
 */
export interface StoredVoucher {
  voucher: WireVoucher;
  /** The device whose redemption stands. */
  redeemedDevice: string | null;
}

export interface Wanted {
  cards?: Iterable<string>;
  vouchers?: Iterable<string>;
  codes?: Iterable<string>;
  messages?: Iterable<string>;
  events?: Iterable<string>;
}

export class WorkingSet {
  private readonly cards = new Map<string, WireCard | null>();
  private readonly vouchers = new Map<string, StoredVoucher | null>();
  private readonly codeHolders = new Map<string, Set<string>>();
  private readonly messages = new Map<string, Message | null>();
  private readonly eventUids = new Set<string>();
  private readonly dirtyCards = new Set<string>();
  private readonly dirtyVouchers = new Set<string>();
  private readonly dirtyMessages = new Set<string>();
  private readonly ledgerRows: { key: string; cardToken: string; delta: number; at: number }[] = [];
  private readonly eventRows: WireEvent[] = [];
  private readonly templateRows: Template[] = [];
  /** The change log in order; an entity's earlier change in this version is replaced by its later one. */
  private readonly log: (ChangeBody | null)[] = [];
  private readonly logIndex = new Map<string, number>();

  constructor(
    readonly tx: Db,
    readonly shopId: string,
    readonly version: number,
  ) {}

  async load(wanted: Wanted): Promise<void> {
    const { tx, shopId } = this;
    const cardTokens = [...new Set(wanted.cards ?? [])].filter((t) => !this.cards.has(t));
    const voucherTokens = [...new Set(wanted.vouchers ?? [])].filter((t) => !this.vouchers.has(t));
    const codes = [...new Set(wanted.codes ?? [])].filter((c) => !this.codeHolders.has(c));
    const uids = [...new Set(wanted.messages ?? [])].filter((u) => !this.messages.has(u));
    const eventUids = [...new Set(wanted.events ?? [])];
    if (voucherTokens.length) {
      const rows = await tx.select().from(vouchers).where(and(eq(vouchers.shopId, shopId), inList(vouchers.token, voucherTokens)));
      for (const t of voucherTokens) this.vouchers.set(t, null);
      for (const r of rows) {
        const v = r.data as WireVoucher;
        this.vouchers.set(r.token, { voucher: v, redeemedDevice: r.redeemedDevice });
        if (v.cardToken && !this.cards.has(v.cardToken)) cardTokens.push(v.cardToken);
      }
    }
    if (cardTokens.length) {
      const list = [...new Set(cardTokens)];
      const rows = await tx.select().from(cards).where(and(eq(cards.shopId, shopId), inList(cards.token, list)));
      const sums = await tx
        .select({ token: ledger.cardToken, total: sql<string>`sum(${ledger.delta})` })
        .from(ledger)
        .where(and(eq(ledger.shopId, shopId), inList(ledger.cardToken, list)))
        .groupBy(ledger.cardToken);
      const stamps = new Map(sums.map((s) => [s.token, Number(s.total)]));
      for (const t of list) this.cards.set(t, null);
      for (const r of rows) this.cards.set(r.token, { ...(r.data as Omit<WireCard, 'stamps'>), stamps: stamps.get(r.token) ?? 0 });
    }
    if (codes.length) {
      const rows = await tx
        .select({ token: vouchers.token, code: vouchers.redeemCode })
        .from(vouchers)
        .where(and(eq(vouchers.shopId, shopId), inList(vouchers.redeemCode, codes)));
      for (const c of codes) this.codeHolders.set(c, new Set());
      for (const r of rows) this.codeHolders.get(r.code!)!.add(r.token);
    }
    if (uids.length) {
      const rows = await tx.select().from(messages).where(and(eq(messages.shopId, shopId), inList(messages.uid, uids)));
      for (const u of uids) this.messages.set(u, null);
      for (const r of rows) this.messages.set(r.uid, r.data as Message);
    }
    if (eventUids.length) {
      const rows = await tx.select({ uid: events.uid }).from(events).where(and(eq(events.shopId, shopId), inList(events.uid, eventUids)));
      for (const r of rows) this.eventUids.add(r.uid);
    }
  }

  private change(id: string | null, body: ChangeBody): void {
    if (id !== null) {
      const earlier = this.logIndex.get(id);
      if (earlier !== undefined) this.log[earlier] = null;
      this.logIndex.set(id, this.log.length);
    }
    this.log.push(body);
  }

  card(token: string): WireCard | null {
    const card = this.cards.get(token);
    if (card === undefined) throw new Error(`card ${token} was not loaded`);
    return card;
  }

  putCard(card: WireCard): WireCard {
    this.cards.set(card.token, card);
    this.dirtyCards.add(card.token);
    this.change(`card:${card.token}`, { entity: 'card', card });
    return card;
  }

  /** A stamp ledger row (keyed by the entry) and the card's new sum. */
  addStamps(key: string, cardToken: string, delta: number, at: number): void {
    this.ledgerRows.push({ key, cardToken, delta, at });
    const card = this.card(cardToken);
    if (card) this.cards.set(cardToken, { ...card, stamps: card.stamps + delta });
  }

  voucher(token: string): StoredVoucher | null {
    const stored = this.vouchers.get(token);
    if (stored === undefined) throw new Error(`voucher ${token} was not loaded`);
    return stored;
  }

  /** Whether another voucher of the shop holds this redeem code. */
  codeTaken(code: string, token: string): boolean {
    const holders = this.codeHolders.get(code);
    if (!holders) throw new Error(`code ${code} was not loaded`);
    return [...holders].some((t) => t !== token);
  }

  putVoucher(stored: StoredVoucher): void {
    const before = this.vouchers.get(stored.voucher.token);
    const oldCode = before?.voucher.redeemCode;
    if (oldCode) this.codeHolders.get(oldCode)?.delete(stored.voucher.token);
    const code = stored.voucher.redeemCode;
    if (code) this.codeHolders.set(code, new Set([...(this.codeHolders.get(code) ?? []), stored.voucher.token]));
    this.vouchers.set(stored.voucher.token, stored);
    this.dirtyVouchers.add(stored.voucher.token);
    this.change(`voucher:${stored.voucher.token}`, { entity: 'voucher', voucher: stored.voucher });
  }

  message(uid: string): Message | null {
    const message = this.messages.get(uid);
    if (message === undefined) throw new Error(`message ${uid} was not loaded`);
    return message;
  }

  putMessage(message: Message): void {
    this.messages.set(message.uid, message);
    this.dirtyMessages.add(message.uid);
    this.change(`message:${message.uid}`, { entity: 'message', message });
  }

  putTemplate(template: Template): void {
    this.templateRows.push(template);
    this.change(`template:${template.id}`, { entity: 'template', template });
  }

  /** Events not seen before (by uid) join the history and the change log. */
  appendEvents(list: WireEvent[]): void {
    for (const event of list) {
      if (this.eventUids.has(event.uid)) continue;
      this.eventUids.add(event.uid);
      this.eventRows.push(event);
      this.change(null, { entity: 'event', event });
    }
  }

  outcome(deviceId: string, outcome: EntryOutcome): void {
    this.change(null, { entity: 'outcome', deviceId, outcome });
  }

  /** Writes everything in a few batched statements. */
  async flush(): Promise<void> {
    const { tx, shopId, version } = this;
    await upsertCards(
      tx,
      shopId,
      [...this.dirtyCards].map((token) => {
        const { stamps: _s, ...data } = this.cards.get(token)!;
        return { token, number: data.number, data };
      }),
    );
    await insertLedger(tx, shopId, this.ledgerRows);
    await upsertVouchers(
      tx,
      shopId,
      [...this.dirtyVouchers].map((token) => {
        const s = this.vouchers.get(token)!;
        return { token, redeemCode: s.voucher.redeemCode, data: s.voucher, redeemedDevice: s.redeemedDevice };
      }),
    );
    await upsertMessages(tx, shopId, [...this.dirtyMessages].map((uid) => ({ uid, data: this.messages.get(uid)! })));
    for (const t of this.templateRows) {
      await tx.insert(templates).values({ shopId, id: t.id, data: t }).onConflictDoUpdate({ target: [templates.shopId, templates.id], set: { data: t } });
    }
    await insertEvents(tx, shopId, this.eventRows);
    await insertChanges(tx, shopId, version, this.log.filter((b) => b !== null));
  }
}
