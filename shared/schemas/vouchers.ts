import { z } from 'zod';
import { says } from './messages';
import { operationIdSchema } from './operations';
import { staticCodeProblem } from '../domain/redeem-code';
import { isValidDate } from '../domain/validity';
import { cardIdSchema } from './cards';
import { plainString, requiredName, searchText, text } from './common';

export const VOUCHER_TITLE_MAX = 100;
export const VOUCHER_DESCRIPTION_MAX = 1000;
export const MAX_QUANTITY = 10_000;
/** 10 MB of image bytes, as base64. */
export const IMAGE_BASE64_MAX = Math.ceil((10 * 1024 * 1024 * 4) / 3) + 4;

export const VOUCHER_STATUSES = ['active', 'redeemed', 'expired', 'voided'] as const;
export type VoucherStatus = (typeof VOUCHER_STATUSES)[number];

export const imageImportInput = z.strictObject({
  base64: plainString().min(1, says('fileEmpty')).max(IMAGE_BASE64_MAX, says('imageTooLarge')),
  fileName: text(255).optional(),
});

export interface ImportedImage {
  id: string;
  mime: string;
  width: number;
  height: number;
}

export const imageIdSchema = z.string().regex(/^[0-9a-f]{64}$/, says('imageId'));

export const redeemCodeInput = z.union(
  [
    z.null(),
    z.strictObject({ kind: z.literal('generated') }),
    z.strictObject({
      kind: z.literal('static'),
      code: plainString()
        .trim()
        .max(32, says('tooLong'))
        .transform((code) => code.toUpperCase())
        .superRefine((code, ctx) => {
          const problem = staticCodeProblem(code);
          if (problem) ctx.addIssue({ code: 'custom', message: problem });
        }),
    }),
  ],
  says('redeemCodeChoice'),
);

export const validityInput = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({ kind: z.literal('unlimited') }),
    z.strictObject({ kind: z.literal('days'), days: z.number().int().min(1, says('atLeastOneDay')).max(3650) }),
    z.strictObject({ kind: z.literal('months'), months: z.number().int().min(1, says('atLeastOneMonth')).max(120) }),
    z.strictObject({
      kind: z.literal('fixed'),
      date: plainString().max(10).refine(isValidDate, says('dateFormat')),
    }),
  ],
  says('validityChoice'),
);

export const issueVoucherInput = z.strictObject({
  cardId: cardIdSchema.optional(),
  title: requiredName(VOUCHER_TITLE_MAX, says('titleRequired')),
  description: text(VOUCHER_DESCRIPTION_MAX).optional(),
  imageId: imageIdSchema.optional(),
  redeemCode: redeemCodeInput,
  validity: validityInput,
  quantity: z
    .number(says('quantityNumber'))
    .int(says('quantityWhole'))
    .min(1, says('quantityMin'))
    .max(MAX_QUANTITY, says('quantityMax'))
    .optional(),
  /** Names a large batch for operations.progress while it is made. */
  operationId: operationIdSchema.optional(),
});
export type IssueVoucherInput = z.infer<typeof issueVoucherInput>;

export interface IssuedVoucher {
  id: number;
  token: string;
  redeemCode: string | null;
  status: VoucherStatus;
  issuedAt: number;
  expiresAt: number | null;
}

export interface IssueResult {
  batchId: number | null;
  vouchers: IssuedVoucher[];
}

export const REDEEM_OUTCOMES = ['redeemed', 'already_redeemed', 'expired', 'voided', 'ambiguous', 'invalid_check', 'unknown', 'locked'] as const;
export type RedeemOutcome = (typeof REDEEM_OUTCOMES)[number];

export const redeemInput = z.strictObject({
  input: plainString().trim().min(1, says('scanEmpty')).max(200, says('tooLong')),
  /** After an ambiguous answer: the voucher the staff member picked. */
  voucherId: z.number().int().min(1).optional(),
});

export interface VoucherSummary {
  id: number;
  title: string;
  status: VoucherStatus;
  redeemCode: string | null;
  codeKind: 'generated' | 'static' | null;
  cardId: number | null;
  customerName: string | null;
  batchId: number | null;
  source: string;
  issuedAt: number;
  expiresAt: number | null;
  redeemedAt: number | null;
  redeemedBy: string | null;
  /**
   * For a redeemed voucher with sync on: `provisional` while the cloud has not confirmed the redemption (this PC
   * decided it alone), `confirmed` once it has; null while not redeemed.
   */
  redeemState?: 'confirmed' | 'provisional' | null;
  voidedAt: number | null;
  voidReason: string | null;
}

export interface RedeemResult {
  outcome: RedeemOutcome;
  voucher?: VoucherSummary;
  /** For `ambiguous`: the active vouchers sharing the code. */
  candidates?: VoucherSummary[];
  /** For `locked`: when the seat may scan again. */
  lockedUntil?: number;
  message: string;
}

export const VOUCHER_SOURCES = ['manual', 'card', 'import', 'campaign', 'birthday'] as const;

export const vouchersListInput = z.strictObject({
  query: searchText(100).optional(),
  status: z.array(z.enum(VOUCHER_STATUSES)).min(1).max(4).optional(),
  source: z.enum(['free', 'card']).optional(),
  issuedFrom: z.number().int().min(0).optional(),
  issuedTo: z.number().int().min(0).optional(),
  batchId: z.number().int().min(1).optional(),
  cursor: plainString().max(200).optional(),
  limit: z.number().int().min(1).max(200).optional(),
});

export interface VoucherListPage {
  items: VoucherSummary[];
  nextCursor: string | null;
  total: number;
}

/** The Vouchers section's list: the same search and filters, a batch as one row (its vouchers via vouchers.list batchId). */
export const vouchersGroupedInput = vouchersListInput.omit({ batchId: true });

/** One batch of free vouchers as one row of the list. */
export interface VoucherBatchRow {
  kind: 'batch';
  batchId: number;
  title: string;
  /** Vouchers in the batch. */
  quantity: number;
  /** Of them, how many match the search and filters (all of them without any). */
  matching: number;
  /** The whole batch by status, as of now. */
  counts: Record<VoucherStatus, number>;
  /** The POS code every voucher of the batch shares, else null (each has its own code). */
  redeemCode: string | null;
  issuedAt: number;
  expiresAt: number | null;
}

export type VoucherListRow = { kind: 'voucher'; voucher: VoucherSummary } | VoucherBatchRow;

export interface VoucherRowsPage {
  rows: VoucherListRow[];
  nextCursor: string | null;
  /** Vouchers matching (not rows). */
  total: number;
}

/** A batch downloads as one PNG strip of at most this many coupons; larger batches as the PDF sheet. */
export const MAX_PNG_SHEET = 30;

export const voucherRefInput = z.strictObject({ id: z.number().int().min(1) });

export interface VoucherDetails extends VoucherSummary {
  token: string;
  description: string | null;
  image: string | null;
  /** QR (of the token) and Code 128 (of the redeem code, else the token), as SVG. */
  qrSvg: string;
  barcodeSvg: string;
  history: Array<{ id: number; type: string; seat: string; at: number; data: Record<string, unknown> | null }>;
}

export const voidVoucherInput = z.strictObject({
  id: z.number().int().min(1),
  reason: requiredName(200, says('reasonRequired')),
});

/** A download names one voucher or a batch: exactly one of the two. */
const voucherOrBatch = { id: z.number().int().min(1).optional(), batchId: z.number().int().min(1).optional() };
const namesOne = (r: { id?: number; batchId?: number }) => (r.id === undefined) !== (r.batchId === undefined);
const NAME_ONE = { ...says('voucherOrBatch'), path: ['id'] };

/** The codes of one voucher or of a batch, as CSV. */
export const exportVouchersInput = z.strictObject(voucherOrBatch).refine(namesOne, NAME_ONE);

export const renderVoucherInput = z.strictObject({ ...voucherOrBatch, format: z.enum(['pdf', 'png', 'svg']) }).refine(namesOne, NAME_ONE);

export interface RenderedFile {
  base64: string;
  mime: string;
  fileName: string;
}

export const codePreviewInput = z.strictObject({
  code: plainString().trim().min(1).max(64),
});

export interface CodePreview {
  text: string;
  qrSvg: string;
  barcodeSvg: string;
}
