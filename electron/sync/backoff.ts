/** Waits after failed attempts: 1 s, 2 s, 5 s … up to 5 minutes, each with jitter. */
export const DEFAULT_BACKOFF_MS: readonly number[] = [1_000, 2_000, 5_000, 10_000, 30_000, 60_000, 120_000, 300_000];

/**
 * The wait before retry number `attempt` (0 = after the first failure): the step for that attempt (the last step
 * repeats), scaled by a random factor in [0.5, 1) so that many PCs cut off together do not come back in step.
 */
export function backoffDelay(attempt: number, steps: readonly number[] = DEFAULT_BACKOFF_MS, random: () => number = Math.random): number {
  const list = steps.length > 0 ? steps : DEFAULT_BACKOFF_MS;
  const step = list[Math.min(Math.max(attempt, 0), list.length - 1)]!;
  return Math.round(step * (0.5 + random() * 0.5));
}
