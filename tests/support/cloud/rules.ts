import type { EntryOutcome, PushEntry, WireCard, WireOperation, WireVoucher } from '../../../shared/schemas/sync-protocol';
import type { Db } from './storage';
import {
  addStamps,
  appendEvents,
  codeTaken,
  findCard,
  findMessage,
  findVoucher,
  saveCard,
  saveMessage,
  saveVoucher,
  type StoredVoucher,
} from './entities';

/**
 * The rules that apply one pushed operation, in server order, inside the entry's transaction. Each returns the
 * outcome; `applied` writes the effect and appends the changed entities' whole states to the change log.
 * Reasons are keys of the `apiErrors.sync` catalogue area (docs/SYNC.md lists them).
 */
export interface RuleContext {
  tx: Db;
  shopId: string;
  version: number;
  deviceId: string;
  /** The entry's idempotency key (a stamp ledger row is keyed by it). */
  key: string;
}

export type Verdict = Pick<EntryOutcome, 'status' | 'reason' | 'detail'>;

const applied: Verdict = { status: 'applied', reason: null, detail: null };
const rejected = (key: string, params: Record<string, string | number> = {}, detail: Record<string, unknown> | null = null): Verdict => ({
  status: 'rejected',
  reason: { key, params },
  detail,
});
const conflict = (key: string, params: Record<string, string | number>, detail: Record<string, unknown> | null): Verdict => ({
  status: 'conflict',
  reason: { key, params },
  detail,
});

/** Loads a card that later operations may touch: unknown → rejected, deleted → rejected (deletion wins). */
async function liveCard(ctx: RuleContext, token: string): Promise<WireCard | Verdict> {
  const card = await findCard(ctx.tx, ctx.shopId, token);
  if (!card) return rejected('unknownCard', { card: token });
  if (card.deletedAt !== null) return rejected('cardDeleted', { card: token }, { deletedAt: card.deletedAt, deletedBy: card.deletedBy });
  return card;
}
const isVerdict = (v: unknown): v is Verdict => typeof v === 'object' && v !== null && 'status' in v;

async function voucherOf(ctx: RuleContext, token: string): Promise<StoredVoucher | Verdict> {
  const stored = await findVoucher(ctx.tx, ctx.shopId, token);
  if (!stored) return rejected('unknownVoucher', { voucher: token });
  if (stored.voucher.cardToken) {
    const card = await liveCard(ctx, stored.voucher.cardToken);
    if (isVerdict(card)) return card;
  }
  return stored;
}

const standing = (stored: StoredVoucher) => ({ seat: stored.voucher.redeemedBy, at: stored.voucher.redeemedAt, deviceId: stored.redeemedDevice });

type Op<K extends WireOperation['kind']> = Extract<WireOperation, { kind: K }>;

async function cardCreated(ctx: RuleContext, op: Op<'card.created'>): Promise<Verdict> {
  const existing = await findCard(ctx.tx, ctx.shopId, op.card.token);
  if (existing?.deletedAt != null) return rejected('cardDeleted', { card: op.card.token });
  if (existing) return rejected('cardExists', { card: op.card.token });
  if (op.card.stamps !== 0) await addStamps(ctx.tx, ctx.shopId, ctx.key, op.card.token, op.card.stamps, op.card.lastStampAt ?? op.card.createdAt);
  await saveCard(ctx.tx, ctx.shopId, ctx.version, { ...op.card, deletedAt: null, deletedBy: null }, true);
  return applied;
}

async function cardStamps(ctx: RuleContext, op: Op<'card.stamps'>): Promise<Verdict> {
  const card = await liveCard(ctx, op.cardToken);
  if (isVerdict(card)) return card;
  await addStamps(ctx.tx, ctx.shopId, ctx.key, op.cardToken, op.delta, op.at);
  const lastStampAt = op.delta > 0 ? Math.max(card.lastStampAt ?? 0, op.at) : card.lastStampAt;
  await saveCard(ctx.tx, ctx.shopId, ctx.version, { ...card, lastStampAt }, false);
  return applied;
}

async function cardProfile(ctx: RuleContext, op: Op<'card.profile'>): Promise<Verdict> {
  const card = await liveCard(ctx, op.cardToken);
  if (isVerdict(card)) return card;
  const customer = { ...card.customer };
  // Per field, the last write in server order wins: only the fields this entry names change.
  for (const [field, value] of Object.entries(op.fields)) if (value !== undefined) Object.assign(customer, { [field]: value });
  await saveCard(ctx.tx, ctx.shopId, ctx.version, { ...card, customer }, false);
  return applied;
}

async function cardDeleted(ctx: RuleContext, op: Op<'card.deleted'>): Promise<Verdict> {
  const card = await findCard(ctx.tx, ctx.shopId, op.cardToken);
  if (!card) return rejected('unknownCard', { card: op.cardToken });
  if (card.deletedAt !== null) return applied; // deleted already: the first deletion stands
  await saveCard(ctx.tx, ctx.shopId, ctx.version, { ...card, deletedAt: op.at, deletedBy: op.seat }, false);
  return applied;
}

async function voucherIssued(ctx: RuleContext, op: Op<'voucher.issued'>): Promise<Verdict> {
  if (op.voucher.cardToken) {
    const card = await liveCard(ctx, op.voucher.cardToken);
    if (isVerdict(card)) return card;
  }
  if (await findVoucher(ctx.tx, ctx.shopId, op.voucher.token)) return rejected('voucherExists', { voucher: op.voucher.token });
  const code = op.voucher.redeemCode;
  const taken = op.voucher.codeKind === 'generated' && code !== null && (await codeTaken(ctx.tx, ctx.shopId, code, op.voucher.token));
  // A taken code: the voucher is kept without a code until the PC pushes `voucher.recoded`.
  const voucher: WireVoucher = taken ? { ...op.voucher, redeemCode: null } : op.voucher;
  await saveVoucher(ctx.tx, ctx.shopId, ctx.version, { voucher, redeemedDevice: voucher.status === 'redeemed' ? ctx.deviceId : null }, true);
  return taken ? conflict('codeTaken', { code: code! }, { redeemCode: code }) : applied;
}

async function voucherRedeemed(ctx: RuleContext, op: Op<'voucher.redeemed'>): Promise<Verdict> {
  const stored = await voucherOf(ctx, op.voucherToken);
  if (isVerdict(stored)) return stored;
  const v = stored.voucher;
  if (v.status === 'redeemed') {
    const winner = standing(stored);
    await appendEvents(ctx.tx, ctx.shopId, ctx.version, [
      {
        uid: `conflict:${ctx.key}`,
        type: 'voucher_redeemed',
        cardToken: v.cardToken,
        voucherToken: v.token,
        seat: op.seat,
        at: op.at,
        data: { conflict: 'redeemedElsewhere', standing: winner, refused: { seat: op.seat, at: op.at, deviceId: ctx.deviceId } },
      },
    ]);
    return conflict('redeemedElsewhere', { seat: winner.seat ?? '', at: winner.at ?? 0 }, winner);
  }
  if (v.status === 'voided') return rejected('voucherVoided', { voucher: v.token }, { voidedAt: v.voidedAt, reason: v.voidReason });
  if (v.status === 'expired' || (v.expiresAt !== null && v.expiresAt < op.at)) return rejected('voucherExpired', { voucher: v.token }, { expiresAt: v.expiresAt });
  const voucher: WireVoucher = { ...v, status: 'redeemed', redeemedAt: op.at, redeemedBy: op.seat };
  await saveVoucher(ctx.tx, ctx.shopId, ctx.version, { voucher, redeemedDevice: ctx.deviceId }, false);
  return applied;
}

async function voucherVoided(ctx: RuleContext, op: Op<'voucher.voided'>): Promise<Verdict> {
  const stored = await voucherOf(ctx, op.voucherToken);
  if (isVerdict(stored)) return stored;
  const v = stored.voucher;
  if (v.status === 'redeemed') return rejected('voucherRedeemed', { voucher: v.token }, standing(stored));
  if (v.status === 'voided') return applied;
  const voucher: WireVoucher = { ...v, status: 'voided', voidedAt: op.at, voidReason: op.reason };
  await saveVoucher(ctx.tx, ctx.shopId, ctx.version, { ...stored, voucher }, false);
  return applied;
}

async function voucherRecoded(ctx: RuleContext, op: Op<'voucher.recoded'>): Promise<Verdict> {
  const stored = await voucherOf(ctx, op.voucherToken);
  if (isVerdict(stored)) return stored;
  if (await codeTaken(ctx.tx, ctx.shopId, op.redeemCode, op.voucherToken)) return conflict('codeTaken', { code: op.redeemCode }, { redeemCode: op.redeemCode });
  await saveVoucher(ctx.tx, ctx.shopId, ctx.version, { ...stored, voucher: { ...stored.voucher, redeemCode: op.redeemCode } }, false);
  return applied;
}

async function messageSent(ctx: RuleContext, op: Op<'message.sent'>): Promise<Verdict> {
  const card = await liveCard(ctx, op.cardToken);
  if (isVerdict(card)) return card;
  if (await findMessage(ctx.tx, ctx.shopId, op.uid)) return rejected('messageExists', { message: op.uid });
  const message = { uid: op.uid, cardToken: op.cardToken, push: op.push, emailSubject: op.emailSubject, emailBody: op.emailBody, status: 'sent', createdAt: op.at, seat: op.seat };
  await saveMessage(ctx.tx, ctx.shopId, ctx.version, message, true);
  return applied;
}

export async function applyOperation(ctx: RuleContext, entry: PushEntry): Promise<Verdict> {
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
