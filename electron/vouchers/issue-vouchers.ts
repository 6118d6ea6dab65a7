import { AppError } from '../../shared/api/errors';
import { expiryOf, isPastDate } from '../../shared/domain/validity';
import type { IssueResult, IssueVoucherInput } from '../../shared/schemas/vouchers';
import type { Db } from '../db/client';
import { enqueueOutbox } from '../db/repos/outbox.repo';
import { existingGeneratedCodes, findImage, insertBatch, insertVouchers, type NewVoucher } from '../db/repos/vouchers.repo';
import { requireLiveCard } from '../cards/card-service';
import type { CallContext } from '../core/handler-types';
import { getSettings } from '../settings/settings-service';
import { newGeneratedCodes, newVoucherTokens } from './tokens';

/**
 * vouchers.issue. With a card: one voucher tied to it, a voucher_issued event in the card's history and
 * an outbox entry that carries it to the wallet. Without: `quantity` free vouchers in one batch, each with
 * its own unique generated code (or the shop's POS code). The whole batch is one transaction: all or none.
 */
export function issueVouchers(db: Db, input: IssueVoucherInput, ctx: CallContext): IssueResult {
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
  const expiresAt = expiryOf(input.validity, now, timeZone);
  // a free voucher always carries a code: otherwise nobody could redeem it
  const codeKind = input.redeemCode?.kind ?? (input.cardId === undefined ? 'generated' : null);

  return db.tx(() => {
    if (input.cardId !== undefined) requireLiveCard(db, input.cardId);
    const codes = codeKind === 'generated' ? uniqueGeneratedCodes(db, quantity) : null;
    const tokens = newVoucherTokens(quantity);
    const batchId = quantity > 1 ? insertBatch(db, quantity, now) : null;
    const rows: NewVoucher[] = tokens.map((token, i) => ({
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
    }));
    const ids = insertVouchers(db, rows, ctx.seat);
    enqueueOutbox(
      db,
      input.cardId !== undefined ? 'voucher.issued' : 'vouchers.issued',
      { cardId: input.cardId ?? null, batchId, vouchers: rows.map((r, i) => ({ id: ids[i], token: r.token, code: r.redeemCode, expiresAt })) },
      now,
    );
    return {
      batchId,
      vouchers: rows.map((r, i) => ({ id: ids[i]!, token: r.token, redeemCode: r.redeemCode, status: 'active' as const, issuedAt: now, expiresAt })),
    };
  });
}

/** `count` generated codes unique among themselves and against every stored one. */
function uniqueGeneratedCodes(db: Db, count: number): string[] {
  const result = new Set<string>();
  while (result.size < count) {
    const fresh = newGeneratedCodes(count - result.size).filter((code) => !result.has(code));
    const taken = existingGeneratedCodes(db, fresh);
    for (const code of fresh) if (!taken.has(code)) result.add(code);
  }
  return [...result];
}
