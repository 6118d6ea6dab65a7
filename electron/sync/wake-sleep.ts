/** setTimeout/clearTimeout, injectable so tests can see which waits the engine asks for. */
export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const realTimers: Timers = {
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

/**
 * One sleeper at a time: `sleep(ms)` (Infinity = until woken) resolves when the time is up or `wake()` is called.
 * No timer at all for an endless sleep, so an engine with nothing to do spends no CPU.
 */
export function createSleeper(timers: Timers) {
  let current: { resolve: () => void; handle: unknown } | null = null;
  return {
    sleep(ms: number): Promise<void> {
      return new Promise<void>((resolve) => {
        const done = () => {
          if (current?.resolve !== done) return;
          if (current.handle !== null) timers.clearTimeout(current.handle);
          current = null;
          resolve();
        };
        current = { resolve: done, handle: null };
        if (Number.isFinite(ms)) current.handle = timers.setTimeout(done, Math.max(0, ms));
      });
    },
    wake(): void {
      current?.resolve();
    },
  };
}

/** Lets other work (API calls, the UI's requests) run between pages. */
export function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
