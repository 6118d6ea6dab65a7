import { AppError } from '../../shared/api/errors';
import { isInWallet, maskToPlatforms } from '../../shared/domain/platforms';
import { publicPageUrl } from '../../shared/domain/public-page';
import type { CardDetails, CardHistoryPage, SentMessage } from '../../shared/schemas/cards';
import type { Db } from '../db/client';
import { countCardEvents, findCard, findRewardStep, listCardEvents, type CardRow } from '../db/repos/card-details.repo';
import { insertMessage, setStamps, softDeleteCard } from '../db/repos/card-writes.repo';
import { addWireEvent, newUid } from '../db/repos/events.repo';
import { enqueueOutbox, enqueueOutboxMany } from '../db/repos/outbox.repo';
import { getSettings } from '../settings/settings-service';
import type { CallContext } from '../core/handler-types';
import type { StampResult } from '../../shared/schemas/scan';
import { issueRewards, planCardStamps } from './reward-cycle';
import { toCardEvent, toDetails, toReward } from './card-view';

const HISTORY_PAGE = 50;

/** A live card, or a not_found error naming the card. */
export function requireLiveCard(db: Db, id: number): CardRow {
  const card = findCard(db, id);
  if (!card || card.deletedAt !== null) throw new AppError('not_found', 'card.notFound', { field: 'id', params: { id } });
  return card;
}

export function getCardDetails(db: Db, id: number): CardDetails {
  const card = findCard(db, id);
  if (!card) throw new AppError('not_found', 'card.notFound', { field: 'id', params: { id } });
  const step = findRewardStep(db, card.templateId, card.templateVersion, card.stamps);
  const base = getSettings(db).cardPageBaseUrl;
  return toDetails(card, toReward(step, card.stamps), publicPageUrl(base, card.id));
}

export function getCardHistory(db: Db, id: number, cursor: string | undefined, limit = HISTORY_PAGE): CardHistoryPage {
  if (!findCard(db, id)) throw new AppError('not_found', 'card.notFound', { field: 'id', params: { id } });
  const before = cursor === undefined ? undefined : Number(cursor);
  if (before !== undefined && (!Number.isSafeInteger(before) || before < 1)) {
    throw new AppError('invalid_input', 'list.badCursor', { field: 'cursor' });
  }
  const rows = listCardEvents(db, id, before, limit + 1);
  const page = rows.slice(0, limit);
  return {
    items: page.map(toCardEvent),
    nextCursor: rows.length > limit ? String(page[page.length - 1]!.id) : null,
    total: countCardEvents(db, id),
  };
}

/** Deletes a card: gone from the list and search, row kept for audit, card_deleted recorded, sync told. */
export function deleteCard(db: Db, id: number, ctx: CallContext): { id: number; deletedAt: number } {
  const at = ctx.now();
  db.tx(() => {
    const card = requireLiveCard(db, id);
    if (!softDeleteCard(db, id, ctx.seat, at)) throw new AppError('conflict', 'card.changedMeanwhile', { field: 'id', params: { id } });
    const { event } = addWireEvent(db, { cardId: id, type: 'card_deleted', seat: ctx.seat, at }, { cardToken: card.token, voucherToken: null });
    enqueueOutbox(db, { kind: 'card.deleted', cardToken: card.token, at, seat: ctx.seat }, [event], at);
  });
  return { id, deletedAt: at };
}

/**
 * Adds (delta > 0) or removes (delta < 0) stamps with a reason; never below zero. Passing a reward step issues
 * its reward and reaching the goal starts the next round, in the same transaction (see reward-cycle.ts).
 */
export function adjustStamps(db: Db, id: number, delta: number, reason: string, ctx: CallContext): StampResult {
  const at = ctx.now();
  const issuedRewards = db.tx(() => {
    const card = requireLiveCard(db, id);
    if (card.stamps + delta < 0) {
      throw new AppError('invalid_input', 'card.tooFewStamps', { field: 'delta', params: { id, stamps: card.stamps, remove: -delta } });
    }
    const plan = planCardStamps(db, card, delta);
    if (!setStamps(db, id, card.stamps, plan.stamps, delta > 0 ? at : null)) {
      throw new AppError('conflict', 'card.changedMeanwhile', { field: 'id', params: { id } });
    }
    const refs = { cardToken: card.token, voucherToken: null };
    const stamped = addWireEvent(db, { cardId: id, type: 'stamp_added', seat: ctx.seat, at, data: { count: delta, stamps: plan.stamps, reason, manual: true } }, refs);
    const rewards = issueRewards(db, card, plan.crossings, ctx.seat, at);
    // the card's count as the cloud keeps it (the sum of these deltas): what it gained, less the rounds its rewards used
    const operation = { kind: 'card.stamps', cardToken: card.token, delta: plan.stamps - card.stamps, reason, at, seat: ctx.seat } as const;
    enqueueOutbox(db, operation, [stamped.event, ...rewards.cardEvents], at);
    enqueueOutboxMany(db, rewards.voucherEntries, at);
    return rewards.issued;
  });
  return { ...getCardDetails(db, id), issuedRewards };
}

export interface MessageRequest {
  push?: string;
  email?: { subject: string; body: string };
}

/** Queues a personal message for the cloud service to deliver, and records it in the card's history. */
export function sendMessage(db: Db, id: number, message: MessageRequest, ctx: CallContext): SentMessage {
  const at = ctx.now();
  const channels: SentMessage['channels'] = [];
  if (message.push !== undefined) channels.push('push');
  if (message.email !== undefined) channels.push('email');
  const messageId = db.tx(() => {
    const card = requireLiveCard(db, id);
    // a wallet push reaches Apple Wallet or Google Wallet only: a card saved on the web alone has nowhere to get it
    if (message.push !== undefined && !isInWallet(maskToPlatforms(card.platforms))) {
      throw new AppError('conflict', 'cardMessage.pushNeedsWallet', { field: 'push', params: { id } });
    }
    const uid = newUid();
    const messageId = insertMessage(db, {
      cardId: id,
      pushText: message.push ?? null,
      emailSubject: message.email?.subject ?? null,
      emailBody: message.email?.body ?? null,
      seat: ctx.seat,
      at,
    }, uid);
    const { event } = addWireEvent(db, {
      cardId: id,
      type: 'message_sent',
      seat: ctx.seat,
      at,
      data: { messageId, channels, status: 'queued', push: message.push ?? null, subject: message.email?.subject ?? null },
    }, { cardToken: card.token, voucherToken: null });
    const operation = {
      kind: 'message.sent',
      uid,
      cardToken: card.token,
      push: message.push ?? null,
      emailSubject: message.email?.subject ?? null,
      emailBody: message.email?.body ?? null,
      at,
      seat: ctx.seat,
    } as const;
    enqueueOutbox(db, operation, [event], at);
    return messageId;
  });
  return { messageId, channels, status: 'queued' };
}
