import crypto from 'node:crypto';
import type { Db } from '../client';
import { generatedCodeFromBytes } from '../../../shared/domain/redeem-code';
import type { EntryOutcome, PushEntry, WireEvent, WireOperation } from '../../../shared/schemas/sync-protocol';
import { enqueueOutbox } from './outbox.repo';
import { insertConflict, hasConflictForEntry, type NewConflict } from './sync-conflicts.repo';
import { existingGeneratedCodes } from './vouchers.repo';
import { deviceIdOf } from './sync-state.repo';

/**
 * The outbox as the sync engine sees it: entries not yet settled by the cloud, in seq order, and what the cloud
 * answered for each (recordOutcomes). The seq is the outbox row id.
 */

interface OutboxRow {
  id: number;
  key: string;
  payload: string;
}

interface Payload {
  operation: WireOperation;
  events: WireEvent[];
}

/** Unconfirmed entries in seq order, at most `limit`, as the protocol's PushEntry. */
export function pendingEntries(db: Db, limit: number): PushEntry[] {
  const rows = db
    .prepare('SELECT id, idempotency_key AS key, payload FROM outbox WHERE confirmed_at IS NULL ORDER BY id LIMIT ?')
    .all(limit) as OutboxRow[];
  return rows.map((row) => {
    const payload = JSON.parse(row.payload) as Payload;
    return { seq: row.id, key: row.key, operation: payload.operation, events: payload.events };
  });
}

/** Local changes the cloud has not yet confirmed. */
export function pendingCount(db: Db): number {
  return db.prepare('SELECT count(*) FROM outbox WHERE confirmed_at IS NULL').pluck().get() as number;
}

/**
 * Settles entries by the cloud's outcomes, in one transaction: applied and duplicate confirm them (a provisional
 * redemption becomes confirmed); a conflict or rejection confirms them too (they are settled: never sent again)
 * and does the local effects, recording a SyncConflict for staff:
 * - a redemption another PC made first: the voucher shows the winner's redemption (seat, time), the card history
 *   says the redemption here did not stand (`voucher_redeemed` with `lostTo`), conflict `redeemedElsewhere`;
 * - a generated code another PC holds (`codeTaken`): a new code for the voucher, a `voucher.recoded` entry,
 *   conflict `codeReissued` with both codes;
 * - a rejected stamp change is taken back from the card, a rejected redemption from the voucher; any rejection is
 *   recorded (`cardDeleted` when the card is deleted in the cloud, else `rejected`) with the cloud's reason.
 * An outcome for an entry already settled, or unknown here, is ignored (the same outcome heard by push and pull).
 */
export function recordOutcomes(db: Db, outcomes: readonly EntryOutcome[], now: number): void {
  if (outcomes.length === 0) return;
  db.tx(() => {
    const find = db.prepare('SELECT id, idempotency_key AS key, payload FROM outbox WHERE id = ? AND confirmed_at IS NULL');
    const settle = db.prepare('UPDATE outbox SET confirmed_at = ?, outcome = ?, last_error = NULL WHERE id = ?');
    for (const outcome of outcomes) {
      const row = find.get(outcome.seq) as OutboxRow | undefined;
      if (!row || row.key !== outcome.key) continue;
      const { operation, events } = JSON.parse(row.payload) as Payload;
      settle.run(now, outcome.status, row.id);
      if (outcome.status === 'applied' || outcome.status === 'duplicate') confirmed(db, operation);
      else if (!hasConflictForEntry(db, row.id)) settleRefused(db, row.id, row.key, operation, events, outcome, now);
    }
  });
}

function confirmed(db: Db, operation: WireOperation): void {
  if (operation.kind === 'voucher.redeemed') {
    db.prepare("UPDATE vouchers SET redeem_state = 'confirmed' WHERE token = ? AND status = 'redeemed'").run(operation.voucherToken);
  }
}

function settleRefused(db: Db, seq: number, key: string, operation: WireOperation, events: readonly WireEvent[], outcome: EntryOutcome, now: number): void {
  const reasonKey = outcome.reason?.key ?? '';
  const base = { entrySeq: seq, operation: operation.kind, ...whenAndWhere(operation, events), ...refsOf(db, operation) };
  if (outcome.status === 'conflict' && operation.kind === 'voucher.redeemed' && !/codeTaken$/.test(reasonKey)) {
    lostRedemption(db, key, operation, outcome, base, now);
  } else if (outcome.status === 'conflict' && /codeTaken$/.test(reasonKey) && base.voucherToken) {
    reissueCode(db, base.voucherToken, outcome, base, now);
  } else {
    if (operation.kind === 'card.stamps') {
      db.prepare('UPDATE cards SET stamps = stamps - ? WHERE token = ?').run(operation.delta, operation.cardToken);
    }
    if (operation.kind === 'voucher.redeemed') {
      // the redemption did not happen in the cloud: while ours still shows here, the voucher is as the cloud has it
      // (active; a void or expiry the cloud has comes with the pull)
      db.prepare(
        `UPDATE vouchers SET status = 'active', redeemed_at = NULL, redeemed_by = NULL, redeem_state = NULL
         WHERE token = ? AND status = 'redeemed' AND redeemed_at = ? AND redeemed_by = ?`,
      ).run(operation.voucherToken, operation.at, operation.seat);
    }
    const kind = /cardDeleted$/.test(reasonKey) ? 'cardDeleted' : 'rejected';
    insertConflict(db, { ...base, kind, reason: reasonOf(outcome, 'rejected'), detail: outcome.detail }, now);
  }
}

type Base = { entrySeq: number; operation: string; at: number; seat: string; cardToken: string | null; voucherToken: string | null; label: string | null };

function lostRedemption(db: Db, key: string, op: Extract<WireOperation, { kind: 'voucher.redeemed' }>, outcome: EntryOutcome, base: Base, now: number): void {
  const winner = outcome.detail ?? {};
  const winnerSeat = typeof winner.seat === 'string' ? winner.seat : null;
  const winnerAt = typeof winner.at === 'number' ? winner.at : null;
  const voucher = db.prepare('SELECT id, card_id AS cardId FROM vouchers WHERE token = ?').get(op.voucherToken) as { id: number; cardId: number | null } | undefined;
  if (voucher) {
    db.prepare(
      `UPDATE vouchers SET status = 'redeemed', redeemed_at = coalesce(?, redeemed_at), redeemed_by = coalesce(?, redeemed_by), redeem_state = 'confirmed'
       WHERE id = ?`,
    ).run(winnerAt, winnerSeat, voucher.id);
    // the card history's note, with the uid and data the cloud gives it too (pulled, it is the same event)
    const refused = { seat: op.seat, at: op.at, deviceId: deviceIdOf(db) };
    db.prepare(
      `INSERT INTO events (uid, card_id, voucher_id, type, seat, at, data) VALUES (?, ?, ?, 'voucher_redeemed', ?, ?, ?) ON CONFLICT(uid) DO NOTHING`,
    ).run(`conflict:${key}`, voucher.cardId, voucher.id, op.seat, op.at, JSON.stringify({ conflict: 'redeemedElsewhere', standing: winner, refused }));
  }
  insertConflict(
    db,
    {
      ...base,
      kind: 'redeemedElsewhere',
      reason: reasonOf(outcome, 'redeemedElsewhere'),
      detail: { ...winner, seat: winnerSeat, at: winnerAt, localSeat: op.seat, localAt: op.at },
    },
    now,
  );
}

/** The cloud's reason as a key of the apiErrors catalogue (`sync.<reason>`). */
function reasonOf(outcome: EntryOutcome, fallback: string): { key: string; params: Record<string, string | number> } {
  const key = outcome.reason?.key ?? fallback;
  return { key: key.startsWith('sync.') ? key : `sync.${key}`, params: outcome.reason?.params ?? {} };
}

function reissueCode(db: Db, voucherToken: string, outcome: EntryOutcome, base: Base, now: number): void {
  const refused = typeof outcome.detail?.redeemCode === 'string' ? outcome.detail.redeemCode : null;
  const current = db.prepare("SELECT redeem_code FROM vouchers WHERE token = ? AND code_kind = 'generated'").pluck().get(voucherToken) as string | undefined;
  // already given a new code (a pulled voucher held this one): the recode entry is on its way
  if (current === undefined || (refused !== null && current !== refused)) return;
  recodeVoucher(db, voucherToken, { ...base, reason: reasonOf(outcome, 'codeTaken') }, now);
}

/**
 * Gives a voucher a new generated code because another PC's voucher holds its code: the code changes here, a
 * `voucher.recoded` entry tells the cloud, and a `codeReissued` conflict tells staff (old and new code).
 */
export function recodeVoucher(db: Db, voucherToken: string, conflict: Omit<NewConflict, 'kind' | 'detail'>, now: number): void {
  const voucher = db.prepare("SELECT id, redeem_code AS code FROM vouchers WHERE token = ? AND code_kind = 'generated'").get(voucherToken) as
    | { id: number; code: string }
    | undefined;
  if (!voucher) return;
  const code = freshGeneratedCode(db);
  db.prepare('UPDATE vouchers SET redeem_code = ? WHERE id = ?').run(code, voucher.id);
  enqueueOutbox(db, { kind: 'voucher.recoded', voucherToken, redeemCode: code, at: now, seat: conflict.seat }, [], now);
  insertConflict(db, { ...conflict, kind: 'codeReissued', detail: { oldCode: voucher.code, newCode: code } }, now);
}

/** A generated code no voucher here holds. */
function freshGeneratedCode(db: Db): string {
  for (;;) {
    const codes = Array.from({ length: 4 }, () => generatedCodeFromBytes(crypto.randomBytes(8)));
    const taken = existingGeneratedCodes(db, codes);
    const free = codes.find((c) => !taken.has(c));
    if (free) return free;
  }
}

function whenAndWhere(op: WireOperation, events: readonly WireEvent[]): { at: number; seat: string } {
  switch (op.kind) {
    case 'card.created':
      return { at: op.card.createdAt, seat: events[0]?.seat ?? '' };
    case 'voucher.issued':
      return { at: op.voucher.issuedAt, seat: events[0]?.seat ?? '' };
    default:
      return { at: op.at, seat: op.seat };
  }
}

function refsOf(db: Db, op: WireOperation): { cardToken: string | null; voucherToken: string | null; label: string | null } {
  const voucherToken = op.kind === 'voucher.issued' ? op.voucher.token : 'voucherToken' in op ? op.voucherToken : null;
  const cardToken =
    op.kind === 'card.created' ? op.card.token : op.kind === 'voucher.issued' ? op.voucher.cardToken : 'cardToken' in op ? op.cardToken : null;
  const label = voucherToken
    ? ((db.prepare('SELECT title FROM vouchers WHERE token = ?').pluck().get(voucherToken) as string | undefined) ?? null)
    : cardToken
      ? ((db.prepare('SELECT cu.name FROM cards c JOIN customers cu ON cu.id = c.customer_id WHERE c.token = ?').pluck().get(cardToken) as
          | string
          | undefined) ?? null)
      : null;
  return { cardToken, voucherToken: voucherToken ?? null, label };
}
