import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { cards } from './cards';
import { images } from './images';

export const VOUCHER_STATUSES = ['active', 'redeemed', 'expired', 'voided'] as const;
export const CODE_KINDS = ['generated', 'static'] as const;

/** One batch of free vouchers made together (quantity > 1). */
export const voucherBatches = sqliteTable(
  'voucher_batches',
  {
    id: integer('id').primaryKey(),
    /** The batch's global id (random hex), the same on every PC and in the cloud. */
    uid: text('uid'),
    quantity: integer('quantity').notNull(),
    createdAt: integer('created_at').notNull(),
  },
  (table) => [uniqueIndex('voucher_batches_uid_unique').on(table.uid)],
);

/** A redemption the cloud has settled, or one this PC decided alone while the cloud could not be asked. */
export const REDEEM_STATES = ['confirmed', 'provisional'] as const;

/**
 * A one-time voucher. `token` is what its QR holds. A generated redeem code is unique; a static POS
 * code may repeat across vouchers, single use being enforced by `status`.
 */
export const vouchers = sqliteTable(
  'vouchers',
  {
    id: integer('id').primaryKey(),
    token: text('token').notNull().unique(),
    batchId: integer('batch_id').references(() => voucherBatches.id),
    cardId: integer('card_id').references(() => cards.id),
    title: text('title').notNull(),
    description: text('description'),
    imageId: text('image_id').references(() => images.id),
    codeKind: text('code_kind', { enum: CODE_KINDS }),
    redeemCode: text('redeem_code'),
    status: text('status', { enum: VOUCHER_STATUSES }).notNull().default('active'),
    source: text('source').notNull().default('manual'),
    issuedAt: integer('issued_at').notNull(),
    expiresAt: integer('expires_at'),
    redeemedAt: integer('redeemed_at'),
    redeemedBy: text('redeemed_by'),
    /** For a redeemed voucher: whether the cloud has confirmed the redemption (null while not redeemed). */
    redeemState: text('redeem_state', { enum: REDEEM_STATES }),
    voidedAt: integer('voided_at'),
    voidReason: text('void_reason'),
  },
  (table) => [
    index('vouchers_redeem_code_idx').on(table.redeemCode),
    index('vouchers_card_idx').on(table.cardId),
    /** A batch's vouchers; a batch's row in the list counts them by status and expiry from this index alone. */
    index('vouchers_batch_status_idx').on(table.batchId, table.status, table.expiresAt),
    /** A generated code exists once; static POS codes may repeat. */
    uniqueIndex('vouchers_generated_code_unique').on(table.redeemCode).where(sql`code_kind = 'generated'`),
    /** The expiry sweep: active vouchers by when they expire. */
    index('vouchers_active_expiry_idx').on(table.expiresAt).where(sql`status = 'active' AND expires_at IS NOT NULL`),
    /** The list, newest first. */
    index('vouchers_issued_idx').on(table.issuedAt),
    /** Title search: titles matched in voucher_titles, then their vouchers found here. */
    index('vouchers_title_idx').on(table.title),
  ],
);

/**
 * Every title a voucher has had, once (kept by a trigger). Vouchers share few titles (a batch has one), so
 * searching a part of a title scans this small table instead of every voucher.
 */
export const voucherTitles = sqliteTable('voucher_titles', {
  title: text('title').primaryKey(),
});
