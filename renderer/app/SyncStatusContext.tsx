import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { SyncStatus } from '../../shared/schemas/sync';
import { call } from '../lib/api';

/** How often the shell asks: a cheap read of a few counters. */
export const SYNC_POLL_MS = 2000;
/** While a sync round runs, so its progress moves on screen. */
export const SYNC_BUSY_POLL_MS = 500;

interface SyncStatusState {
  /** null until the first answer (or while the core cannot say). */
  status: SyncStatus | null;
  /** Why the last ask failed, until one answers. */
  error: unknown;
  /** Takes a status another call answered with (sync.configure, sync.now), without waiting for the next poll. */
  update(next: SyncStatus): void;
  /** Asks now. */
  refresh(): void;
}

const SyncStatusContext = createContext<SyncStatusState | null>(null);

/**
 * The sync status for the whole shell: asked every two seconds while the app is open and visible, every half
 * second while a sync round runs, and at once when the window comes back into view.
 */
export function SyncStatusProvider({ children }: { children: ReactNode }) {
  const [status, setStatus] = useState<SyncStatus | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  useEffect(() => {
    let live = true;
    const schedule = (ms: number) => {
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(load, ms);
    };
    async function load() {
      if (document.hidden) return schedule(SYNC_POLL_MS);
      try {
        const next = await call('sync.status', {});
        if (!live) return;
        setStatus(next);
        setError(null);
        schedule(next.state === 'syncing' ? SYNC_BUSY_POLL_MS : SYNC_POLL_MS);
      } catch (e) {
        // the next ask may answer (the core starting, a moment of load)
        if (!live) return;
        setError(e);
        schedule(SYNC_POLL_MS);
      }
    }
    const onVisible = () => {
      if (!document.hidden) void load();
    };
    document.addEventListener('visibilitychange', onVisible);
    void load();
    return () => {
      live = false;
      document.removeEventListener('visibilitychange', onVisible);
      if (timer.current) clearTimeout(timer.current);
    };
  }, [attempt]);

  const refresh = useCallback(() => setAttempt((n) => n + 1), []);
  const value = useMemo<SyncStatusState>(() => ({ status, error, update: setStatus, refresh }), [status, error, refresh]);
  return <SyncStatusContext.Provider value={value}>{children}</SyncStatusContext.Provider>;
}

export function useSyncStatus(): SyncStatusState {
  const state = useContext(SyncStatusContext);
  if (!state) throw new Error('useSyncStatus needs a SyncStatusProvider');
  return state;
}
