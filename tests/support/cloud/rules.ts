import type { EntryOutcome, PushEntry, WireCard, WireOperation, WireVoucher } from '../../../shared/schemas/sync-protocol';
import type { StoredVoucher, Wanted, WorkingSet } from './working-set';

/**
 * The rules that apply one pushed operation, in server order, to the transaction's working set. Each returns the
 * outcome; the changed entities' whole states go to the change log. Reasons are keys of the `apiErrors.sync`
 * catalogue area (docs/SYNC.md lists them).
 */
export interface RuleContext {
  ws: WorkingSet;
  deviceId: string;
  /** The entry's idempotency key (a stamp ledger row is keyed by it). */
  key: string;
}

export type Verdict = Pick<EntryOutcome, 'status' | 'reason' | 'detail'>;
type Params = Record<string, string | number>;

const applied: Verdict = { status: 'applied', reason: null, detail: null };
export const rejected = (key: string, params: Params = {}, detail: Record<string, unknown> | null = null): Verdict => ({ status: 'rejected', reason: { key, params }, detail });
const conflict = (key: string, params: Params, detail: Record<string, unknown> | null): Verdict => ({ status: 'conflict', reason: { key, params }, detail });
const isVerdict = (v: unknown): v is Verdict => typeof v === 'object' && v !== null && 'status' in v;

/** The rows an operation may touch, to load before the rules run. */
export function wantedBy(op: WireOperation, into: { [K in keyof Wanted]-?: string[] }): void {
  switch (op.kind) {
    case 'card.created':
      into.cards.push(op.card.token);
      break;
    case 'card.stamps':
    case 'card.profile':
    case 'card.deleted':
      into.cards.push(op.cardToken);
      break;
    case 'voucher.issued':
      into.vouchers.push(op.voucher.token);
      if (op.voucher.cardToken) into.cards.push(op.voucher.cardToken);
      if (op.voucher.redeemCode) into.codes.push(op.voucher.redeemCode);
      break;
    case 'voucher.redeemed':
    case 'voucher.voided':
      into.vouchers.push(op.voucherToken);
      break;
    case 'voucher.recoded':
      into.vouchers.push(op.voucherToken);
      into.codes.push(op.redeemCode);
      break;
    case 'message.sent':
      into.cards.push(op.cardToken);
      into.messages.push(op.uid);
      break;
  }
}

/** A card later operations may touch: unknown → rejected, deleted → rejected (deletion wins). */
function liveCard(ctx: RuleContext, token: string): WireCard | Verdict {
  const card = ctx.ws.card(token);
  if (!card) return rejected('unknownCard', { card: token });
  if (card.deletedAt !== null) return rejected('cardDeleted', { card: token }, { deletedAt: card.deletedAt, deletedBy: card.deletedBy });
  return card;
}

function voucherOf(ctx: RuleContext, token: string): StoredVoucher | Verdict {
  const stored = ctx.ws.voucher(token);
  if (!stored) return rejected('unknownVoucher', { voucher: token });
  if (stored.voucher.cardToken) {
    const card = liveCard(ctx, stored.voucher.cardToken);
    if (isVerdict(card)) return card;
  }
  return stored;
}

const standing = (s: StoredVoucher) => ({ seat: s.voucher.redeemedBy, at: s.voucher.redeemedAt, deviceId: s.redeemedDevice });

type Op<K extends WireOperation['kind']> = Extract<WireOperation, { kind: K }>;

function cardCreated(ctx: RuleContext, op: Op<'card.created'>): Verdict {
  const existing = ctx.ws.card(op.card.token);
  if (existing?.deletedAt != null) return rejected('cardDeleted', { card: op.card.token });
  if (existing) return rejected('cardExists', { card: op.card.token });
  ctx.ws.putCard({ ...op.card, stamps: 0, deletedAt: null, deletedBy: null });
  if (op.card.stamps !== 0) ctx.ws.addStamps(ctx.key, op.card.token, op.card.stamps, op.card.lastStampAt ?? op.card.createdAt);
  ctx.ws.putCard(ctx.ws.card(op.card.token)!);
  return applied;
}

function cardStamps(ctx: RuleContext, op: Op<'card.stamps'>): Verdict {
  const card = liveCard(ctx, op.cardToken);
  if (isVerdict(card)) return card;
  ctx.ws.addStamps(ctx.key, op.cardToken, op.delta, op.at);
  const lastStampAt = op.delta > 0 ? Math.max(card.lastStampAt ?? 0, op.at) : card.lastStampAt;
  ctx.ws.putCard({ ...ctx.ws.card(op.cardToken)!, lastStampAt });
  return applied;
}

function cardProfile(ctx: RuleContext, op: Op<'card.profile'>): Verdict {
  const card = liveCard(ctx, op.cardToken);
  if (isVerdict(card)) return card;
  // Per field, the last write in server order wins: only the fields this entry names change.
  const named = Object.fromEntries(Object.entries(op.fields).filter(([, v]) => v !== undefined));
  ctx.ws.putCard({ ...card, customer: { ...card.customer, ...named } });
  return applied;
}

function cardDeleted(ctx: RuleContext, op: Op<'card.deleted'>): Verdict {
  const card = ctx.ws.card(op.cardToken);
  if (!card) return rejected('unknownCard', { card: op.cardToken });
  if (card.deletedAt !== null) return applied; // deleted already: the first deletion stands
  ctx.ws.putCard({ ...card, deletedAt: op.at, deletedBy: op.seat });
  return applied;
}

function voucherIssued(ctx: RuleContext, op: Op<'voucher.issued'>): Verdict {
  if (op.voucher.cardToken) {
    const card = liveCard(ctx, op.voucher.cardToken);
    if (isVerdict(card)) return card;
  }
  if (ctx.ws.voucher(op.voucher.token)) return rejected('voucherExists', { voucher: op.voucher.token });
  const code = op.voucher.redeemCode;
  const taken = op.voucher.codeKind === 'generated' && code !== null && ctx.ws.codeTaken(code, op.voucher.token);
  // A taken code: the voucher is kept without a code until the PC pushes `voucher.recoded`.
  const voucher: WireVoucher = taken ? { ...op.voucher, redeemCode: null } : op.voucher;
  ctx.ws.putVoucher({ voucher, redeemedDevice: voucher.status === 'redeemed' ? ctx.deviceId : null });
  return taken ? conflict('codeTaken', { code: code! }, { redeemCode: code }) : applied;
}

function voucherRedeemed(ctx: RuleContext, op: Op<'voucher.redeemed'>): Verdict {
  const stored = voucherOf(ctx, op.voucherToken);
  if (isVerdict(stored)) return stored;
  const v = stored.voucher;
  if (v.status === 'redeemed') {
    const winner = standing(stored);
    const refused = { seat: op.seat, at: op.at, deviceId: ctx.deviceId };
    // The card's history says what happened: this redemption was refused, the other one stands.
    ctx.ws.appendEvents([
      { uid: `conflict:${ctx.key}`, type: 'voucher_redeemed', cardToken: v.cardToken, voucherToken: v.token, seat: op.seat, at: op.at, data: { conflict: 'redeemedElsewhere', standing: winner, refused } },
    ]);
    return conflict('redeemedElsewhere', { seat: winner.seat ?? '', at: winner.at ?? 0 }, winner);
  }
  if (v.status === 'voided') return rejected('voucherVoided', { voucher: v.token }, { voidedAt: v.voidedAt, reason: v.voidReason });
  if (v.status === 'expired' || (v.expiresAt !== null && v.expiresAt < op.at)) return rejected('voucherExpired', { voucher: v.token }, { expiresAt: v.expiresAt });
  ctx.ws.putVoucher({ voucher: { ...v, status: 'redeemed', redeemedAt: op.at, redeemedBy: op.seat }, redeemedDevice: ctx.deviceId });
  return applied;
}

function voucherVoided(ctx: RuleContext, op: Op<'voucher.voided'>): Verdict {
  const stored = voucherOf(ctx, op.voucherToken);
  if (isVerdict(stored)) return stored;
  const v = stored.voucher;
  if (v.status === 'redeemed') return rejected('voucherRedeemed', { voucher: v.token }, standing(stored));
  if (v.status === 'voided') return applied;
  ctx.ws.putVoucher({ ...stored, voucher: { ...v, status: 'voided', voidedAt: op.at, voidReason: op.reason } });
  return applied;
}

function voucherRecoded(ctx: RuleContext, op: Op<'voucher.recoded'>): Verdict {
  const stored = voucherOf(ctx, op.voucherToken);
  if (isVerdict(stored)) return stored;
  if (ctx.ws.codeTaken(op.redeemCode, op.voucherToken)) return conflict('codeTaken', { code: op.redeemCode }, { redeemCode: op.redeemCode });
  ctx.ws.putVoucher({ ...stored, voucher: { ...stored.voucher, redeemCode: op.redeemCode } });
  return applied;
}

function messageSent(ctx: RuleContext, op: Op<'message.sent'>): Verdict {
  const card = liveCard(ctx, op.cardToken);
  if (isVerdict(card)) return card;
  if (ctx.ws.message(op.uid)) return rejected('messageExists', { message: op.uid });
  ctx.ws.putMessage({ uid: op.uid, cardToken: op.cardToken, push: op.push, emailSubject: op.emailSubject, emailBody: op.emailBody, status: 'sent', createdAt: op.at, seat: op.seat });
  return applied;
}

export function applyOperation(ctx: RuleContext, entry: PushEntry): Verdict {
  const op = entry.operation;
  switch (op.kind) {
    case 'card.created':
      return cardCreated(ctx, op);
    case 'card.stamps':
      return cardStamps(ctx, op);
    case 'card.profile':
      return cardProfile(ctx, op);
    case 'card.deleted':
      return cardDeleted(ctx, op);
    case 'voucher.issued':
      return voucherIssued(ctx, op);
    case 'voucher.redeemed':
      return voucherRedeemed(ctx, op);
    case 'voucher.voided':
      return voucherVoided(ctx, op);
    case 'voucher.recoded':
      return voucherRecoded(ctx, op);
    case 'message.sent':
      return messageSent(ctx, op);
  }
}
