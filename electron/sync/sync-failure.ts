import type { SyncReason } from '../../shared/schemas/sync';

/**
 * Why talking to the cloud failed. `offline`: no answer at all (the state shows "offline since …"); otherwise the
 * cloud answered but something is wrong (state `error`). The message names the reason's key only, never a URL's
 * credentials or the API key.
 */
export class SyncFailure extends Error {
  readonly reason: SyncReason;
  readonly offline: boolean;

  constructor(reason: SyncReason, offline: boolean) {
    super(`sync failed: ${reason.key}`);
    this.name = 'SyncFailure';
    this.reason = reason;
    this.offline = offline;
  }
}

export function reasonOf(key: SyncReason['key'], params: SyncReason['params'] = {}): SyncReason {
  return { key, params };
}
