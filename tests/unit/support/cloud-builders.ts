import { randomUUID } from 'node:crypto';
import type { PushEntry, WireCard, WireEvent, WireOperation, WireVoucher } from '../../../shared/schemas/sync-protocol';

/** Entries and entities for the reference cloud's tests, in the protocol's shapes. */
let cardNumber = 1000;

export function newCard(overrides: Partial<WireCard> = {}): WireCard {
  return {
    token: `card-${randomUUID()}`,
    number: ++cardNumber,
    customer: { name: 'Ana Souza', email: 'ana@example.com', phone: '+66812345678', birthday: null },
    templateId: 1,
    templateVersion: 1,
    goal: 8,
    stamps: 0,
    platforms: 1,
    createdAt: 1_700_000_000_000,
    lastStampAt: null,
    deletedAt: null,
    deletedBy: null,
    ...overrides,
  };
}

export function newVoucher(cardToken: string | null, overrides: Partial<WireVoucher> = {}): WireVoucher {
  return {
    token: `voucher-${randomUUID()}`,
    cardToken,
    batchUid: null,
    title: 'Free coffee',
    description: null,
    imageId: null,
    codeKind: 'generated',
    redeemCode: `C${Math.floor(Math.random() * 1e9)}`,
    status: 'active',
    source: 'manual',
    issuedAt: 1_700_000_000_000,
    expiresAt: null,
    redeemedAt: null,
    redeemedBy: null,
    voidedAt: null,
    voidReason: null,
    ...overrides,
  };
}

export function event(type: string, cardToken: string | null, voucherToken: string | null = null, data: Record<string, unknown> | null = null): WireEvent {
  return { uid: `event-${randomUUID()}`, type, cardToken, voucherToken, seat: 'Till 1', at: 1_700_000_001_000, data };
}

/** A device's outbox: seq 1, 2, 3 … with a fresh key each. */
export function outbox() {
  let seq = 0;
  return (operation: WireOperation, events: WireEvent[] = []): PushEntry => ({ seq: ++seq, key: `key-${randomUUID()}`, operation, events });
}

export const at = 1_700_000_002_000;
export const stamps = (cardToken: string, delta: number, seat = 'Till 1'): WireOperation => ({ kind: 'card.stamps', cardToken, delta, reason: null, at, seat });
export const created = (card: WireCard): WireOperation => ({ kind: 'card.created', card });
export const profile = (cardToken: string, fields: Extract<WireOperation, { kind: 'card.profile' }>['fields']): WireOperation => ({ kind: 'card.profile', cardToken, fields, at, seat: 'Till 1' });
export const deleted = (cardToken: string): WireOperation => ({ kind: 'card.deleted', cardToken, at, seat: 'Back office' });
export const issued = (voucher: WireVoucher): WireOperation => ({ kind: 'voucher.issued', voucher });
export const redeemed = (voucherToken: string, seat: string, when = at): WireOperation => ({ kind: 'voucher.redeemed', voucherToken, at: when, seat, provisional: true });
export const voided = (voucherToken: string): WireOperation => ({ kind: 'voucher.voided', voucherToken, reason: 'Printed twice', at, seat: 'Back office' });
export const recoded = (voucherToken: string, redeemCode: string): WireOperation => ({ kind: 'voucher.recoded', voucherToken, redeemCode, at, seat: 'Till 1' });
export const messageSent = (cardToken: string, uid = `message-${randomUUID()}`): WireOperation => ({
  kind: 'message.sent',
  uid,
  cardToken,
  push: 'Your coffee is waiting',
  emailSubject: null,
  emailBody: null,
  at,
  seat: 'Back office',
});
