import { AppError } from '../../shared/api/errors';
import { expiryOf, isPastDate } from '../../shared/domain/validity';
import type { OperationProgress } from '../../shared/schemas/operations';
import type { IssuedVoucher, IssueResult, IssueVoucherInput } from '../../shared/schemas/vouchers';
import type { Db } from '../db/client';
import { enqueueOutboxMany } from '../db/repos/outbox.repo';
import { newUid, newUids } from '../db/repos/events.repo';
import { voucherIssuedEntry } from '../db/repos/sync-wire.repo';
import { runWriteJob, runWriteNow } from '../db/write-job';
import { existingGeneratedCodes, findImage, insertBatch, insertVouchers, type NewVoucher } from '../db/repos/vouchers.repo';
import { requireLiveCard } from '../cards/card-service';
import type { CallContext } from '../core/handler-types';
import { getSettings } from '../settings/settings-service';
import { newGeneratedCodes, newVoucherTokens } from './tokens';

/** From this many vouchers on, a batch is written as a write job (turns of the event loop between steps). */
export const LARGE_BATCH = 1_000;
/** Vouchers made between two progress reports. */
const VOUCHERS_PER_STEP = 250;

/**
 * vouchers.issue. With a card: one voucher tied to it, a voucher_issued event in the card's history and
 * an outbox entry that carries it to the wallet (every voucher gets its own `voucher.issued` entry). Without: `quantity` free vouchers in one batch, each with
 * its own unique generated code (or the shop's POS code). The whole batch is one transaction: all or none.
 * A large batch is written as a write job on a connection of its own (electron/db/write-job.ts), so the app
 * keeps answering while it is made, and reports its progress through `ctx.progress`.
 */
export async function issueVouchersPaced(db: Db, input: IssueVoucherInput, ctx: CallContext): Promise<IssueResult> {
  const plan = planIssue(db, input, ctx);
  if (plan.quantity < LARGE_BATCH) return runWriteNow(db, (writeDb) => issueSteps(writeDb, input, plan, ctx.seat));
  return runWriteJob(db, (writeDb) => issueSteps(writeDb, input, plan, ctx.seat), { onProgress: ctx.progress });
}

/** vouchers.issue at once, in one transaction on the app's connection (a customer's voucher, a small batch). */
export function issueVouchers(db: Db, input: IssueVoucherInput, ctx: CallContext): IssueResult {
  const plan = planIssue(db, input, ctx);
  return runWriteNow(db, (writeDb) => issueSteps(writeDb, input, plan, ctx.seat));
}

interface IssuePlan {
  now: number;
  quantity: number;
  expiresAt: number | null;
  codeKind: 'generated' | 'static' | null;
}

/** Checks what can be checked before writing; throws the caller's error. */
function planIssue(db: Db, input: IssueVoucherInput, ctx: CallContext): IssuePlan {
  const now = ctx.now();
  const { timeZone } = getSettings(db);
  const quantity = input.quantity ?? 1;
  if (input.cardId !== undefined && quantity !== 1) {
    throw new AppError('invalid_input', 'voucher.oneForCustomer', { field: 'quantity' });
  }
  if (input.validity.kind === 'fixed' && isPastDate(input.validity.date, now, timeZone)) {
    throw new AppError('invalid_input', 'voucher.dateInPast', { field: 'validity.date' });
  }
  if (input.imageId && !findImage(db, input.imageId)) throw new AppError('invalid_input', 'voucher.imageNotUploaded', { field: 'imageId' });
  // a free voucher always carries a code: otherwise nobody could redeem it
  const codeKind = input.redeemCode?.kind ?? (input.cardId === undefined ? 'generated' : null);
  return { now, quantity, expiresAt: expiryOf(input.validity, now, timeZone), codeKind };
}

/** The writes of one issue, a few hundred vouchers per step; run inside one transaction. */
function* issueSteps(db: Db, input: IssueVoucherInput, plan: IssuePlan, seat: string): Generator<OperationProgress, IssueResult, void> {
  const { now, quantity, expiresAt, codeKind } = plan;
  const cardToken = input.cardId !== undefined ? requireLiveCard(db, input.cardId).token : null;
  const batchUid = quantity > 1 ? newUid() : null;
  const batchId = batchUid !== null ? insertBatch(db, quantity, now, batchUid) : null;
  const codesInBatch = new Set<string>();
  const issued: IssuedVoucher[] = [];
  for (let start = 0; start < quantity; start += VOUCHERS_PER_STEP) {
    const count = Math.min(VOUCHERS_PER_STEP, quantity - start);
    const codes = codeKind === 'generated' ? uniqueGeneratedCodes(db, count, codesInBatch) : null;
    const eventUids = newUids(count);
    const rows: NewVoucher[] = newVoucherTokens(count).map((token, i) => ({
      token,
      batchId,
      cardId: input.cardId ?? null,
      title: input.title,
      description: input.description || null,
      imageId: input.imageId ?? null,
      codeKind,
      redeemCode: codeKind === 'generated' ? codes![i]! : input.redeemCode?.kind === 'static' ? input.redeemCode.code : null,
      source: input.cardId !== undefined ? 'card' : 'manual',
      issuedAt: now,
      expiresAt,
      eventUid: eventUids[i]!,
    }));
    const ids = insertVouchers(db, rows, seat);
    // one `voucher.issued` entry per voucher, in the same transaction
    enqueueOutboxMany(db, rows.map((r) => voucherIssuedEntry(r, cardToken, batchUid, seat)), now);
    rows.forEach((r, i) => issued.push({ id: ids[i]!, token: r.token, redeemCode: r.redeemCode, status: 'active', issuedAt: now, expiresAt }));
    yield { stage: 'writing', done: start + count, total: quantity };
  }
  return { batchId, vouchers: issued };
}

/** `count` generated codes unique among themselves, against `taken` (added to it) and against every stored one. */
function uniqueGeneratedCodes(db: Db, count: number, taken: Set<string>): string[] {
  const result: string[] = [];
  while (result.length < count) {
    const fresh = newGeneratedCodes(count - result.length).filter((code) => !taken.has(code));
    const stored = existingGeneratedCodes(db, fresh);
    for (const code of fresh) {
      if (stored.has(code) || taken.has(code)) continue;
      taken.add(code);
      result.push(code);
    }
  }
  return result;
}
