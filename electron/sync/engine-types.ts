import type { Db } from '../db/client';
import type { SyncStatus } from '../../shared/schemas/sync';
import type { FetchLike } from './http-client';
import type { KeyStore } from './key-store';
import type { OnlineAnswer } from './outcome-waiters';
import type { Timers } from './wake-sleep';

export interface SyncEngineOptions {
  db: Db;
  keyStore: KeyStore;
  fetch?: FetchLike;
  now?: () => number;
  timers?: Timers;
  /** Waits after failures, one per attempt (the last repeats); jitter is applied to each. */
  backoffMs?: readonly number[];
  /** How long a caught-up pull may wait for news (≤ 25 s). */
  longPollSeconds?: number;
  /** Changes per pull page. */
  pullLimit?: number;
  /** Time limit of a request beyond a long-poll's wait. */
  requestTimeoutMs?: number;
  random?: () => number;
  log?: (message: string) => void;
  /** Run the background loop while sync is on (default true); without it, sync happens on sync.now only. */
  background?: boolean;
}

export interface SyncEngine {
  /** Starts the background loop (when the engine runs one); it idles without CPU while sync is off. */
  start(): void;
  stop(): Promise<void>;
  /** A local change: push at once (a long-poll is cut short; a backoff wait is not). */
  wake(): void;
  /** The settings changed: drop the connection and start over with them, now. */
  reconfigure(): void;
  /** Pushes and pulls until caught up (or failed), cutting any wait short; then the status. */
  syncNow(): Promise<SyncStatus>;
  status(): SyncStatus;
  /** Asks the cloud about one pushed entry (a redemption): its outcome, or provisional when it does not answer in time. */
  redeemOnline(entrySeq: number, timeoutMs: number): Promise<OnlineAnswer>;
  /** Sync on, set up, and the last attempt did not fail. */
  reachable(): boolean;
  /** Like syncNow, but gives up waiting after `timeoutMs` (the round goes on). */
  catchUp(timeoutMs: number): Promise<void>;
}
