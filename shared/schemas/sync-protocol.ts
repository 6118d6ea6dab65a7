import { z } from 'zod';

/**
 * The wire protocol between Stampdesk and the cloud card service (docs/SYNC.md): HTTP + JSON under `/v1/`, a bearer
 * API key per shop, a device id per installation. Both sides parse every body with these schemas. Entities are
 * named by global ids only — a card by its token, a voucher by its token, an event or message by its uid — never
 * by a PC's local row ids, which differ from PC to PC.
 */
export const SYNC_PROTOCOL_VERSION = 1;

/** Headers every request carries besides `Authorization: Bearer <api key>`. */
export const DEVICE_HEADER = 'x-stampdesk-device';
export const PROTOCOL_HEADER = 'x-stampdesk-protocol';

const id = z.string().min(1).max(200);
const at = z.number().int().nonnegative();
const seat = z.string().max(200);

/** A history event made with a change; pulled by the other PCs (dedupe by uid). */
export const wireEvent = z.object({
  uid: id,
  type: z.string().max(40),
  cardToken: id.nullable(),
  voucherToken: id.nullable(),
  seat,
  at,
  /** The event's data as the local history keeps it (JSON object). */
  data: z.record(z.string(), z.unknown()).nullable(),
});
export type WireEvent = z.infer<typeof wireEvent>;

export const customerFields = z.object({
  name: z.string().max(200).optional(),
  email: z.string().max(320).nullable().optional(),
  phone: z.string().max(64).nullable().optional(),
  birthday: z.string().max(10).nullable().optional(),
});
export type CustomerFields = z.infer<typeof customerFields>;

/** A voucher as both sides know it. `batchUid` names a batch across PCs. */
export const wireVoucher = z.object({
  token: id,
  cardToken: id.nullable(),
  batchUid: id.nullable(),
  title: z.string().max(500),
  description: z.string().max(5000).nullable(),
  /** Content hash of its picture; pictures themselves do not travel in this version. */
  imageId: z.string().max(200).nullable(),
  codeKind: z.enum(['generated', 'pos']).nullable(),
  redeemCode: z.string().max(64).nullable(),
  status: z.enum(['active', 'redeemed', 'expired', 'voided']),
  source: z.string().max(40),
  issuedAt: at,
  expiresAt: at.nullable(),
  redeemedAt: at.nullable(),
  redeemedBy: seat.nullable(),
  voidedAt: at.nullable(),
  voidReason: z.string().max(500).nullable(),
});
export type WireVoucher = z.infer<typeof wireVoucher>;

/** A card as the cloud holds it: the customer's fields, its template, its stamps (the sum of its stamp ledger). */
export const wireCard = z.object({
  token: id,
  /** The public card number (ID). */
  number: z.number().int().positive(),
  customer: customerFields.required({ name: true }),
  templateId: z.number().int().positive(),
  templateVersion: z.number().int().positive(),
  goal: z.number().int().positive(),
  stamps: z.number().int(),
  /** Wallets it is saved in: bit 1 web, 2 Apple, 4 Google. */
  platforms: z.number().int().nonnegative(),
  createdAt: at,
  lastStampAt: at.nullable(),
  deletedAt: at.nullable(),
  deletedBy: seat.nullable(),
});
export type WireCard = z.infer<typeof wireCard>;

/**
 * The operations a PC pushes, one per outbox entry, each with the history events it made. The server applies each
 * by its rule: stamp deltas add up (a ledger keyed by the entry); profile fields: the last write in server order
 * wins; a deleted card refuses later operations; a redemption is check-and-set in server order; a generated code
 * that another PC already holds is refused (`conflict`, reason `codeTaken`).
 */
export const wireOperation = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('card.created'), card: wireCard }),
  z.object({ kind: z.literal('card.stamps'), cardToken: id, delta: z.number().int(), reason: z.string().max(500).nullable(), at, seat }),
  z.object({ kind: z.literal('card.profile'), cardToken: id, fields: customerFields, at, seat }),
  z.object({ kind: z.literal('card.deleted'), cardToken: id, at, seat }),
  z.object({ kind: z.literal('voucher.issued'), voucher: wireVoucher }),
  z.object({ kind: z.literal('voucher.redeemed'), voucherToken: id, at, seat, provisional: z.boolean() }),
  z.object({ kind: z.literal('voucher.voided'), voucherToken: id, reason: z.string().max(500), at, seat }),
  /** A generated code the cloud refused as taken, replaced by a new one on this PC. */
  z.object({ kind: z.literal('voucher.recoded'), voucherToken: id, redeemCode: z.string().max(64), at, seat }),
  z.object({
    kind: z.literal('message.sent'),
    uid: id,
    cardToken: id,
    push: z.string().max(200).nullable(),
    emailSubject: z.string().max(500).nullable(),
    emailBody: z.string().max(20_000).nullable(),
    at,
    seat,
  }),
]);
export type WireOperation = z.infer<typeof wireOperation>;
export type OperationKind = WireOperation['kind'];

export const pushEntry = z.object({
  /** This device's sequence number: 1, 2, 3 … without gaps (the outbox row's id). */
  seq: z.number().int().positive(),
  /** Random, made with the change; the server applies each key once. */
  key: id,
  operation: wireOperation,
  events: z.array(wireEvent).max(1000),
});
export type PushEntry = z.infer<typeof pushEntry>;

export const MAX_PUSH_ENTRIES = 200;

export const pushRequest = z.object({ entries: z.array(pushEntry).min(1).max(MAX_PUSH_ENTRIES) });
export type PushRequest = z.infer<typeof pushRequest>;

/** Why an entry was not applied, as a key of the `apiErrors.sync` catalogue area plus values. */
export const outcomeReason = z.object({ key: z.string().max(100), params: z.record(z.string(), z.union([z.string(), z.number()])) });
export type OutcomeReason = z.infer<typeof outcomeReason>;

export const OUTCOME_STATUSES = ['applied', 'duplicate', 'conflict', 'rejected'] as const;
export const entryOutcome = z.object({
  seq: z.number().int().positive(),
  key: id,
  status: z.enum(OUTCOME_STATUSES),
  reason: outcomeReason.nullable(),
  /**
   * For a conflict, what stands instead: e.g. the redemption that won (`{ seat, at, deviceId }`) or, for a taken
   * code, nothing (the PC picks a new code and pushes `voucher.recoded`).
   */
  detail: z.record(z.string(), z.unknown()).nullable(),
});
export type EntryOutcome = z.infer<typeof entryOutcome>;

/**
 * The push reply: one outcome per entry, in order. Entries after a gap (seq > last + 1) are not applied; the reply
 * then says which seq the server expects. `lastSeq` is the server's watermark for this device.
 */
export const pushResponse = z.object({
  outcomes: z.array(entryOutcome),
  lastSeq: z.number().int().nonnegative(),
  expectedSeq: z.number().int().positive().nullable(),
});
export type PushResponse = z.infer<typeof pushResponse>;

/** One change after a cursor: the entity's whole state after it (upsert by its global id), or an outcome. */
export const wireChange = z.discriminatedUnion('entity', [
  z.object({ version: z.number().int().positive(), entity: z.literal('card'), card: wireCard }),
  z.object({ version: z.number().int().positive(), entity: z.literal('voucher'), voucher: wireVoucher }),
  z.object({ version: z.number().int().positive(), entity: z.literal('event'), event: wireEvent }),
  z.object({
    version: z.number().int().positive(),
    entity: z.literal('message'),
    message: z.object({ uid: id, cardToken: id, push: z.string().nullable(), emailSubject: z.string().nullable(), emailBody: z.string().nullable(), status: z.string().max(20), createdAt: at, seat }),
  }),
  z.object({ version: z.number().int().positive(), entity: z.literal('template'), template: z.object({ id: z.number().int().positive(), name: z.string().max(200), version: z.number().int().positive(), goal: z.number().int().positive() }) }),
  /** The outcome of an entry pushed by some device (a PC learns its conflicts this way too). */
  z.object({ version: z.number().int().positive(), entity: z.literal('outcome'), deviceId: id, outcome: entryOutcome }),
]);
export type WireChange = z.infer<typeof wireChange>;

/**
 * `GET /v1/pull?cursor=<cursor>&limit=<n>&wait=<seconds>`: changes after the cursor, whole versions only, at most
 * `limit` (default 500). With `wait` (≤ 25 s) and nothing new, the server holds the request until a change arrives
 * (long-poll). The cursor is opaque to the PC: `<epoch>:<version>`; an epoch the server does not know means the
 * server was reset or restored, and the reply has `reset: true` (the PC pulls everything from the start).
 */
export const pullResponse = z.object({
  changes: z.array(wireChange),
  cursor: z.string().max(200),
  hasMore: z.boolean(),
  reset: z.boolean(),
});
export type PullResponse = z.infer<typeof pullResponse>;

/** `GET /v1/info`: the connection test. */
export const infoResponse = z.object({
  protocol: z.number().int(),
  shopName: z.string(),
  serverTime: at,
});
export type InfoResponse = z.infer<typeof infoResponse>;

/** Error bodies: `{ error: { code, message } }` with 401 (wrong key), 409 (seq gap), 426 (protocol version), 5xx. */
export const errorResponse = z.object({ error: z.object({ code: z.string(), message: z.string() }) });
