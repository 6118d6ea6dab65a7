import { useSettings } from '../../app/SettingsContext';
import { formatDate, formatDateTime } from '../../lib/format';

/** A day in the list (the time of day in its tooltip and in the voucher's details), in the shop's zone and calendar. */
export function DateCell({ at }: { at: number }) {
  const { settings } = useSettings();
  if (!settings) return <td />;
  return <td title={formatDateTime(at, settings)}>{formatDate(at, settings)}</td>;
}
