import type { TFunction } from 'i18next';
import type { SyncReason, SyncStatus } from '../../shared/schemas/sync';

/** What the status is called: `off` splits into "not set up" (no address or key yet) and "off". */
export type SyncStateLabel = 'notSetUp' | SyncStatus['state'];

export function syncStateLabel(status: SyncStatus): SyncStateLabel {
  if (status.state === 'off' && (!status.url || !status.hasApiKey)) return 'notSetUp';
  return status.state;
}

/** A reason the core or the cloud gave (a key of the `apiErrors` area), in the admin's language. */
export function reasonText(reason: SyncReason, t: TFunction): string {
  const key = `apiErrors.${reason.key}`;
  return t(key, { ...reason.params, defaultValue: '' }) || t('errors.internal');
}
