/** Fast retries and short long-polls so tests do not wait; the engine's own defaults are for shops. */
export const TEST_SYNC_OPTIONS = { backoffMs: [20, 50, 100, 200], longPollSeconds: 1 };
