import { z } from 'zod';
import { says } from './messages';
import { operationIdSchema } from './operations';
import { PLATFORMS, type Platform } from '../domain/platforms';
import { EVENT_TYPES, type EventType } from '../domain/events';
import { hasLoneSurrogate } from '../domain/text-hygiene';
import { plainString, requiredName, requiredText, searchText } from './common';

export const SEARCH_QUERY_MAX = 200;
export const PUSH_TEXT_MAX = 20;
export const EMAIL_SUBJECT_MAX = 150;
export const EMAIL_BODY_MAX = 5000;
export const ADJUST_REASON_MAX = 200;
export const MAX_STAMP_DELTA = 1000;
/** 30 M characters: a CSV of a few hundred thousand cards. */
export const IMPORT_CSV_MAX = 30_000_000;

export const cardIdSchema = z.number(says('cardNumber')).int().min(1).max(Number.MAX_SAFE_INTEGER);
const instant = z.number().int().min(0).max(8_640_000_000_000_000);

export const CARD_SORTS = ['id', 'name', 'progress', 'created', 'lastStamp'] as const;
export type CardSort = (typeof CARD_SORTS)[number];
export const PROGRESS_STATES = ['notStarted', 'collecting', 'goalReached'] as const;
export type ProgressState = (typeof PROGRESS_STATES)[number];

export const cardFilterSchema = z.strictObject({
  platforms: z.array(z.enum(PLATFORMS)).min(1).max(PLATFORMS.length).optional(),
  templateId: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER).optional(),
  templateVersion: z.number().int().min(1).max(1_000_000).optional(),
  progress: z.array(z.enum(PROGRESS_STATES)).min(1).max(PROGRESS_STATES.length).optional(),
  /** Instants in ms; `from` inclusive, `to` exclusive. */
  createdFrom: instant.optional(),
  createdTo: instant.optional(),
  lastStampFrom: instant.optional(),
  lastStampTo: instant.optional(),
});
export type CardFilter = z.infer<typeof cardFilterSchema>;

export const cardSortSchema = z.strictObject({
  by: z.enum(CARD_SORTS),
  direction: z.enum(['asc', 'desc']),
});
export type CardSortSpec = z.infer<typeof cardSortSchema>;

export const cardsSearchInput = z.strictObject({
  query: searchText(SEARCH_QUERY_MAX).optional(),
  filter: cardFilterSchema.optional(),
  sort: cardSortSchema.optional(),
  cursor: plainString().max(2000).optional(),
  limit: z.number().int().min(1).max(500).optional(),
});
export type CardsSearchInput = z.infer<typeof cardsSearchInput>;

export interface CardListItem {
  id: number;
  name: string;
  email: string | null;
  phone: string | null;
  stamps: number;
  goal: number;
  platforms: Platform[];
  templateId: number;
  templateVersion: number;
  createdAt: number;
  lastStampAt: number | null;
}

export interface CardsSearchResult {
  items: CardListItem[];
  nextCursor: string | null;
  total: number;
}

export const cardRefInput = z.strictObject({ id: cardIdSchema });

export interface CardReward {
  stamps: number;
  title: string;
  /** PNG/JPEG/WebP/SVG as a data: URL (shown in <img>, where SVG never runs script). */
  image: string | null;
  /** true when the card has reached this step already (it is the current one), false when it is the next. */
  reached: boolean;
}

export interface CardDetails extends CardListItem {
  token: string;
  templateName: string;
  deletedAt: number | null;
  reward: CardReward | null;
  /** The card's public page, when a base address is set in Settings. */
  publicPageUrl: string | null;
}

export const cardsHistoryInput = z.strictObject({
  id: cardIdSchema,
  cursor: plainString().max(200).optional(),
  limit: z.number().int().min(1).max(200).optional(),
});

/** The voucher a voucher event is about (its title and code never change, so events of any age are named). */
export interface EventVoucher {
  id: number;
  title: string;
  /** The redeem code as stored (generated codes without their hyphens), or null for a voucher without one. */
  code: string | null;
}

export interface CardEvent {
  id: number;
  type: EventType;
  seat: string;
  at: number;
  data: Record<string, unknown> | null;
  /** For voucher events, the voucher; null for the others. */
  voucher: EventVoucher | null;
}

export interface CardHistoryPage {
  items: CardEvent[];
  nextCursor: string | null;
  total: number;
}

export const adjustStampsInput = z.strictObject({
  id: cardIdSchema,
  delta: z
    .number(says('stampsNumber'))
    .int(says('stampsWhole'))
    .min(-MAX_STAMP_DELTA)
    .max(MAX_STAMP_DELTA)
    .refine((n) => n !== 0, says('stampsNonZero')),
  reason: requiredName(ADJUST_REASON_MAX),
});

export const sendMessageInput = z
  .strictObject({
    id: cardIdSchema,
    /** A wallet push: at most 20 characters (counted as the customer sees them, emoji included). */
    push: plainString()
      .trim()
      .min(1, says('required'))
      .max(PUSH_TEXT_MAX * 2, says('pushTooLong'))
      .refine((text) => [...text].length <= PUSH_TEXT_MAX, says('pushTooLong', { max: PUSH_TEXT_MAX }))
      .optional(),
    email: z
      .strictObject({
        subject: requiredText(EMAIL_SUBJECT_MAX),
        body: requiredText(EMAIL_BODY_MAX),
      })
      .optional(),
  })
  .refine((m) => m.push !== undefined || m.email !== undefined, {
    ...says('messageChannel'),
    path: ['push'],
  });

export interface SentMessage {
  messageId: number;
  channels: Array<'push' | 'email'>;
  status: 'queued';
}

export const importCsvInput = z.strictObject({
  /** NUL and bidi controls are the rows' business (csv-import-rows.ts); no UTF-8 file holds a lone surrogate. */
  csv: z
    .string()
    .max(IMPORT_CSV_MAX, says('csvTooLarge'))
    .refine((csv) => !hasLoneSurrogate(csv), says('brokenCharacter')),
  dryRun: z.boolean(),
  /** Names the import for operations.progress while it runs. */
  operationId: operationIdSchema.optional(),
});

/** Why an import row was rejected: a key of the `cards.importReasons` catalogue area. */
export type ImportReasonKey = keyof (typeof import('../i18n/catalogues/en/cards.json'))['importReasons'];

/** One rejected row: its line, the reason's key and values, and the reason in English (for logs and API clients). */
export interface RejectedRow {
  line: number;
  reason: string;
  key: ImportReasonKey;
  params: Record<string, string | number>;
}

export interface ImportReport {
  dryRun: boolean;
  rows: number;
  imported: number;
  updated: number;
  skipped: number;
  rejected: RejectedRow[];
  /** Template versions the file mentions that were not known yet (created with the file's goal). */
  templateVersionsCreated: number;
}

export const exportCsvInput = z.strictObject({
  query: searchText(SEARCH_QUERY_MAX).optional(),
  filter: cardFilterSchema.optional(),
});

export interface CsvFile {
  fileName: string;
  csv: string;
  rows: number;
}

export interface TemplateSummary {
  id: number;
  name: string;
  versions: Array<{ version: number; goal: number }>;
}

export interface PublicPage {
  url: string;
  /** true when the host opened it in the default browser itself (Electron). */
  opened: boolean;
}

export const IMPORT_COLUMNS = [
  'card_id',
  'name',
  'email',
  'phone',
  'template_id',
  'template_version',
  'stamps',
  'goal',
  'platforms',
  'created_at',
  'last_stamp_at',
] as const;

export { EVENT_TYPES };
