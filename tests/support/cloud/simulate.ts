import { randomBytes, randomUUID } from 'node:crypto';
import type { WireCard } from '../../../shared/schemas/sync-protocol';
import type { Storage } from './storage';
import { HttpError } from './http';
import { DEFAULT_TEMPLATE, inShopTransaction } from './shops';
import { nextCardNumber } from './entities';

/**
 * The world outside the shop: customers saving new cards in their wallets, stamps given in the wallet app, push
 * messages delivered. Each is one writing transaction of the shop, so the PCs pull it like any other change.
 */
export const WALLET_SEAT = 'wallet';

export class SimulationError extends HttpError {
  constructor(message: string) {
    super(404, 'notFound', message);
  }
}

type Person = { name: string; email?: string | null; phone?: string | null };

function walletCard(person: Person, number: number, now: number): WireCard {
  return {
    token: `c_${randomBytes(12).toString('base64url')}`,
    number,
    customer: { name: person.name, email: person.email ?? null, phone: person.phone ?? null, birthday: null },
    templateId: DEFAULT_TEMPLATE.id,
    templateVersion: DEFAULT_TEMPLATE.version,
    goal: DEFAULT_TEMPLATE.goal,
    stamps: 0,
    platforms: 2,
    createdAt: now,
    lastStampAt: null,
    deletedAt: null,
    deletedBy: null,
  };
}

/** Customers save new cards in their wallets: each gets the next card number, a new token and the default template. */
export async function cardsSaved(storage: Storage, shopId: string, people: Person[], now: number): Promise<WireCard[]> {
  return inShopTransaction(storage, shopId, async (ws) => {
    const first = await nextCardNumber(ws.tx, shopId);
    const made = people.map((person, i) => walletCard(person, first + i, now));
    await ws.load({ cards: made.map((c) => c.token) });
    for (const card of made) {
      ws.putCard(card);
      ws.appendEvents([{ uid: randomUUID(), type: 'card_saved', cardToken: card.token, voucherToken: null, seat: WALLET_SEAT, at: now, data: { platform: 'apple' } }]);
    }
    return made;
  });
}

export async function cardSaved(storage: Storage, shopId: string, person: Person, now: number): Promise<WireCard> {
  return (await cardsSaved(storage, shopId, [person], now))[0]!;
}

export async function stampInWallet(storage: Storage, shopId: string, cardToken: string, delta: number, now: number): Promise<void> {
  await inShopTransaction(storage, shopId, async (ws) => {
    await ws.load({ cards: [cardToken] });
    const card = ws.card(cardToken);
    if (!card) throw new SimulationError(`no card ${cardToken}`);
    if (card.deletedAt !== null) throw new SimulationError(`card ${cardToken} is deleted`);
    ws.addStamps(`wallet:${randomUUID()}`, cardToken, delta, now);
    const saved = ws.putCard({ ...ws.card(cardToken)!, lastStampAt: delta > 0 ? now : card.lastStampAt });
    ws.appendEvents([{ uid: randomUUID(), type: 'stamp_added', cardToken, voucherToken: null, seat: WALLET_SEAT, at: now, data: { count: delta, stamps: saved.stamps } }]);
  });
}

export async function pushDelivered(storage: Storage, shopId: string, messageUid: string): Promise<void> {
  await inShopTransaction(storage, shopId, async (ws) => {
    await ws.load({ messages: [messageUid] });
    const message = ws.message(messageUid);
    if (!message) throw new SimulationError(`no message ${messageUid}`);
    ws.putMessage({ ...message, status: 'delivered' });
  });
}
