import type { TFunction } from 'i18next';
import type { SyncReason, SyncStatus } from '../../shared/schemas/sync';

/** What the status is called: `off` splits into "not set up" (no address or key yet) and "off". */
export type SyncStateLabel = 'notSetUp' | SyncStatus['state'];

export function syncStateLabel(status: SyncStatus): SyncStateLabel {
  if (status.state === 'off' && (!status.url || !status.hasApiKey)) return 'notSetUp';
  return status.state;
}

/**
 * A reason the core or the cloud gave, in the admin's language: a key of the `apiErrors` area (`sync.wrongKey`), or
 * a cloud outcome's key, which the protocol names inside `apiErrors.sync` (`unknownCard`).
 */
export function reasonText(reason: SyncReason, t: TFunction): string {
  for (const key of [`apiErrors.${reason.key}`, `apiErrors.sync.${reason.key}`]) {
    const text = t(key, { ...reason.params, defaultValue: '' });
    if (text) return text;
  }
  return t('errors.internal');
}
