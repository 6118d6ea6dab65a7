import { onOutboxWrite } from '../db/outbox-signal';
import { applyChanges, readCursor, resetCursor } from '../db/repos/sync-apply.repo';
import { pendingEntries, recordOutcomes } from '../db/repos/sync-outbox.repo';
import { entriesFrom } from '../db/repos/sync-engine.repo';
import { MAX_PUSH_ENTRIES, type EntryOutcome, type WireChange } from '../../shared/schemas/sync-protocol';
import type { SyncStatus } from '../../shared/schemas/sync';
import { backoffDelay } from './backoff';
import type { CloudClient } from './http-client';
import { createClientCache } from './client-cache';
import type { SyncEngine, SyncEngineOptions } from './engine-types';
import { readSyncConfig, writeLastSyncAt } from './sync-config';
import { reasonOf, SyncFailure } from './sync-failure';
import { buildStatus, type EngineView } from './sync-status';
import { createSleeper, nextTurn, realTimers } from './wake-sleep';
import { pushWithGaps } from './push-pages';
import { createOutcomeWaiters } from './outcome-waiters';

export type { SyncEngine, SyncEngineOptions } from './engine-types';

const ABORTED = Symbol('aborted');

/**
 * The background loop: push the outbox in order, in pages; pull pages after the cursor, each applied with its cursor
 * in one transaction; when caught up, a long-poll waits for news (no timer, no polling loop). Failures back off
 * exponentially with jitter; a local change wakes it at once. Reads and writes the local data only through the sync
 * repos (electron/db/repos/sync-*.repo.ts). Without the background loop (tests), sync.now and online redemptions
 * run their rounds directly.
 */
export function createSyncEngine(options: SyncEngineOptions): SyncEngine {
  const { db, keyStore } = options;
  const now = options.now ?? Date.now;
  const sleeper = createSleeper(options.timers ?? realTimers);
  const longPollSeconds = Math.min(25, Math.max(0, options.longPollSeconds ?? 20));
  const pullLimit = options.pullLimit ?? 500;
  const log = options.log ?? ((message: string) => console.error(message));
  const outcomes = createOutcomeWaiters();
  const view: EngineView = { running: false, busy: false, caughtUp: false, failure: null, offlineSince: null, progress: null };
  let attempt = 0;
  let inBackoff = false;
  let wakes = 0;
  let stopController = new AbortController();
  let pollController: AbortController | null = null;
  let loopDone: Promise<void> | null = null;
  let unsubscribe: (() => void) | null = null;
  let nowWaiters: Array<() => void> = [];
  // one round at a time touches the outbox and the cursor
  let chain: Promise<unknown> = Promise.resolve();
  const exclusive = <T>(work: () => Promise<T>): Promise<T> => {
    const run = chain.then(work, work);
    chain = run.catch(() => undefined);
    return run;
  };

  const currentClient = createClientCache(db, keyStore, options);

  function succeeded(): void {
    view.failure = null;
    view.offlineSince = null;
    attempt = 0;
  }

  function failedWith(error: unknown): void {
    // the app is closing: a round cut short by the closed database is no failure to report
    if (!db.sqlite.open) return;
    let failure: SyncFailure;
    if (error instanceof SyncFailure) failure = error;
    else {
      // a fault of ours (the database, a bug): logged without the key, shown as an internal error
      log(`sync: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      failure = new SyncFailure(reasonOf('api.internal'), false);
    }
    view.failure = failure;
    view.offlineSince = failure.offline ? (view.offlineSince ?? now()) : null;
    view.busy = false;
    view.progress = null;
    outcomes.unreachable();
  }

  function heard(list: EntryOutcome[]): void {
    recordOutcomes(db, list, now());
    outcomes.heard(list);
  }

  function push(cloud: CloudClient, signal: AbortSignal): Promise<void> {
    return pushWithGaps(cloud, {
      entries: (limit) => pendingEntries(db, limit),
      entriesFrom: (seq, limit) => entriesFrom(db, seq, limit),
      record: heard,
      signal,
      pageSize: MAX_PUSH_ENTRIES,
    });
  }

  /** One round: push everything, pull one page (a long-poll when caught up and nothing else asks). True when caught up. */
  async function round(cloud: CloudClient, urgent: boolean): Promise<boolean> {
    const wakesAtStart = wakes;
    view.busy = true;
    await push(cloud, stopController.signal);
    const cursor = readCursor(db);
    const wait = view.caughtUp && !urgent && wakes === wakesAtStart ? longPollSeconds : 0;
    let signal = stopController.signal;
    if (wait > 0) {
      pollController = new AbortController();
      signal = AbortSignal.any([signal, pollController.signal]);
      view.busy = false;
    }
    const page = await cloud.pull({ cursor, limit: pullLimit, wait }, signal).finally(() => {
      pollController = null;
    });
    view.busy = true;
    if (page.reset && cursor !== null) {
      // the cloud was reset or restored: everything again from the start
      resetCursor(db);
      view.caughtUp = false;
      view.progress = { done: 0, total: null };
      return false;
    }
    const { deviceId } = readSyncConfig(db);
    applyChanges(db, page.changes, page.cursor, deviceId, now());
    outcomes.heard(ownOutcomes(page.changes, deviceId));
    view.caughtUp = !page.hasMore;
    if (page.hasMore) {
      view.progress = { done: (view.progress?.done ?? 0) + page.changes.length, total: null };
      await nextTurn();
      return false;
    }
    view.progress = null;
    view.busy = false;
    writeLastSyncAt(db, now());
    return true;
  }

  async function loop(): Promise<void> {
    while (view.running) {
      const cloud = currentClient();
      if (cloud === null || cloud instanceof SyncFailure) {
        view.failure = cloud;
        view.busy = false;
        settle(nowWaiters.splice(0));
        await sleeper.sleep(Number.POSITIVE_INFINITY);
        continue;
      }
      const waiters = nowWaiters.splice(0);
      try {
        const caughtUp = await exclusive(() => round(cloud, waiters.length > 0));
        succeeded();
        if (caughtUp) settle(waiters);
        else nowWaiters.unshift(...waiters);
      } catch (error) {
        if (!view.running) break;
        if (isAbort(error)) {
          nowWaiters.unshift(...waiters);
          continue;
        }
        failedWith(error);
        settle(waiters);
        inBackoff = true;
        await sleeper.sleep(backoffDelay(attempt, options.backoffMs, options.random));
        inBackoff = false;
        attempt += 1;
      }
    }
  }

  /** Without the loop: rounds until caught up, now. */
  function syncDirect(): Promise<void> {
    return exclusive(async () => {
      const cloud = currentClient();
      if (cloud === null || cloud instanceof SyncFailure) {
        view.failure = cloud;
        return;
      }
      try {
        while (!(await round(cloud, true)));
        succeeded();
      } catch (error) {
        if (!isAbort(error)) failedWith(error);
      }
    });
  }

  /** Without the loop: push now (an online redemption), for at most `timeoutMs`. */
  function pushDirect(timeoutMs: number): void {
    void exclusive(async () => {
      const cloud = currentClient();
      if (cloud === null || cloud instanceof SyncFailure) return outcomes.unreachable();
      try {
        await push(cloud, AbortSignal.any([stopController.signal, AbortSignal.timeout(timeoutMs)]));
        succeeded();
      } catch (error) {
        if (isAbort(error)) outcomes.unreachable();
        else failedWith(error);
      }
    });
  }

  function wake(): void {
    wakes += 1;
    pollController?.abort(ABORTED);
    if (!inBackoff) sleeper.wake();
  }

  const status = (): SyncStatus => buildStatus(db, keyStore, view);

  function reachable(): boolean {
    const cloud = currentClient();
    return cloud !== null && !(cloud instanceof SyncFailure) && view.failure === null;
  }

  async function syncNow(): Promise<SyncStatus> {
    if (!view.running) {
      await syncDirect();
      return status();
    }
    const done = new Promise<void>((resolve) => nowWaiters.push(resolve));
    pollController?.abort(ABORTED);
    sleeper.wake();
    await done;
    return status();
  }

  return {
    start() {
      if (view.running || options.background === false) return;
      view.running = true;
      stopController = new AbortController();
      unsubscribe = onOutboxWrite(wake);
      loopDone = loop().catch((error: unknown) => log(`sync loop stopped: ${String(error)}`));
    },
    async stop() {
      stopController.abort(ABORTED);
      outcomes.unreachable();
      if (!view.running) {
        // rounds run by sync.now (no loop) were cut short; later ones start afresh
        stopController = new AbortController();
        return;
      }
      view.running = false;
      unsubscribe?.();
      unsubscribe = null;
      sleeper.wake();
      settle(nowWaiters.splice(0));
      await loopDone;
      stopController = new AbortController();
    },
    wake,
    reconfigure() {
      currentClient.forget();
      view.failure = null;
      view.offlineSince = null;
      view.caughtUp = false;
      attempt = 0;
      pollController?.abort(ABORTED);
      sleeper.wake();
    },
    syncNow,
    status,
    reachable,
    async catchUp(timeoutMs) {
      // during a long first pull the loop pushes between pages anyway; waiting for the end would stall the counter
      if (!reachable() || (view.running && !view.caughtUp)) return;
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<void>((resolve) => (timer = setTimeout(resolve, timeoutMs)));
      await Promise.race([syncNow(), late]);
      clearTimeout(timer);
    },
    redeemOnline(entrySeq, timeoutMs) {
      // offline, failing or off: the local decision stands at once (no wait at the counter)
      if (!reachable()) return Promise.resolve({ kind: 'provisional' });
      const answer = outcomes.wait(entrySeq, timeoutMs);
      if (view.running) wake();
      else pushDirect(timeoutMs);
      return answer;
    },
  };
}

function settle(waiters: Array<() => void>): void {
  for (const resolve of waiters) resolve();
}

function isAbort(error: unknown): boolean {
  return error === ABORTED || (error instanceof Error && (error.name === 'AbortError' || error.name === 'TimeoutError'));
}

function ownOutcomes(changes: readonly WireChange[], deviceId: string): EntryOutcome[] {
  return changes.flatMap((change) => (change.entity === 'outcome' && change.deviceId === deviceId ? [change.outcome] : []));
}
