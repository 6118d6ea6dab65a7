import type { EntryOutcome } from '../../shared/schemas/sync-protocol';

/** What the cloud said about one entry in time, or that the local decision stands for now. */
export type OnlineAnswer = { kind: 'answered'; outcome: EntryOutcome } | { kind: 'provisional' };

/**
 * Waiters for one entry's outcome (an online redemption), resolved by whichever push or pull hears it first;
 * `provisional` when the time is up or the cloud cannot be reached.
 */
export function createOutcomeWaiters() {
  const waiting = new Map<number, Set<(answer: OnlineAnswer) => void>>();

  function settle(seq: number, answer: OnlineAnswer): void {
    const set = waiting.get(seq);
    if (!set) return;
    waiting.delete(seq);
    for (const resolve of set) resolve(answer);
  }

  return {
    wait(seq: number, timeoutMs: number): Promise<OnlineAnswer> {
      return new Promise<OnlineAnswer>((resolve) => {
        const timer = setTimeout(() => done({ kind: 'provisional' }), timeoutMs);
        const done = (answer: OnlineAnswer) => {
          clearTimeout(timer);
          const set = waiting.get(seq);
          set?.delete(done);
          if (set?.size === 0) waiting.delete(seq);
          resolve(answer);
        };
        const set = waiting.get(seq) ?? new Set();
        set.add(done);
        waiting.set(seq, set);
      });
    },
    heard(outcomes: readonly EntryOutcome[]): void {
      for (const outcome of outcomes) settle(outcome.seq, { kind: 'answered', outcome });
    },
    /** The cloud did not answer: everyone waiting gets the local decision now. */
    unreachable(): void {
      for (const seq of [...waiting.keys()]) settle(seq, { kind: 'provisional' });
    },
  };
}
