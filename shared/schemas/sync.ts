import { z } from 'zod';
import { says } from './messages';
import { plainString } from './common';
import type { ErrorKey } from '../i18n/keys';

/**
 * The Sync section's contract: where the cloud is, the key, on/off; the status every screen shows; conflicts and
 * rejected changes. The API key goes in once and never comes back out (sync.status says only whether one is kept).
 */

const cloudUrl = plainString().trim().min(1, says('required')).max(500, says('tooLong'));
const apiKey = plainString().trim().min(1, says('required')).max(500, says('tooLong'));

/** sync.configure: any of the three; `apiKey` replaces the kept one. */
export const syncConfigureInput = z.strictObject({
  url: cloudUrl.optional(),
  apiKey: apiKey.optional(),
  enabled: z.boolean().optional(),
});

/** sync.test: tries a URL and key (the kept key when `apiKey` is absent) without saving them. */
export const syncTestInput = z.strictObject({ url: cloudUrl, apiKey: apiKey.optional() });

export const SYNC_STATES = ['off', 'synced', 'syncing', 'offline', 'error'] as const;
export type SyncState = (typeof SYNC_STATES)[number];

export interface SyncReason {
  key: ErrorKey;
  params: Record<string, string | number>;
}

export interface SyncStatus {
  state: SyncState;
  url: string | null;
  enabled: boolean;
  /** Whether an API key is kept (never the key itself). */
  hasApiKey: boolean;
  /** How the key is kept: the OS keychain (Electron safeStorage), or a file only this user can read. */
  keyStorage: 'keychain' | 'weak-keychain' | 'file' | null;
  lastSyncAt: number | null;
  /** Since when the cloud has not answered, while offline. */
  offlineSince: number | null;
  /** Local changes not yet confirmed by the cloud. */
  pending: number;
  /** Conflicts and rejected changes not yet looked at. */
  conflicts: number;
  /** While a first or long pull runs: pages and changes so far. */
  progress: { done: number; total: number | null } | null;
  /** Why the last attempt failed, when it did. */
  error: SyncReason | null;
  deviceId: string;
}

/** sync.test's answer: reachable, or what is wrong (no answer, TLS, wrong key, wrong version). */
export type SyncTestResult = { ok: true; shopName: string; serverTime: number } | { ok: false; reason: SyncReason };

export const SYNC_CONFLICT_KINDS = ['redeemedElsewhere', 'codeReissued', 'cardDeleted', 'rejected'] as const;
export type SyncConflictKind = (typeof SYNC_CONFLICT_KINDS)[number];

/** A change the cloud did not take as made, with what stands instead and what to do. */
export interface SyncConflict {
  id: number;
  kind: SyncConflictKind;
  /** The operation's kind (`voucher.redeemed` …) and when and where it was made. */
  operation: string;
  at: number;
  seat: string;
  cardToken: string | null;
  voucherToken: string | null;
  /** The voucher's title or the customer's name, for the list. */
  label: string | null;
  reason: SyncReason;
  /** What stands instead: e.g. the redemption that won, `{ seat, at }`; the new code. */
  detail: Record<string, unknown> | null;
  createdAt: number;
  seenAt: number | null;
}

export const syncConflictsInput = z.strictObject({ includeSeen: z.boolean().optional() });
export const syncConflictRefInput = z.strictObject({ id: z.number().int().min(1) });
