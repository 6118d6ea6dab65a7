import type { TFunction } from 'i18next';
import type { PrintReason } from '../../../shared/schemas/printing';

/** A print reason (a key of the apiErrors area and its values) in the admin's language. */
export function reasonText(reason: PrintReason, t: TFunction): string {
  const key = reason.key.startsWith('apiErrors.') ? reason.key : `apiErrors.${reason.key}`;
  return t(key, reason.params);
}
