import { useCallback, useEffect, useState } from 'react';
import type { ScanStatus } from '../../../shared/schemas/scan';
import { call } from '../../lib/api';

/**
 * Whether scanning is paused on this installation, and the latest pauses. Read when the page opens, after a
 * scan that paused or met a pause, and again when a pause runs out.
 */
export function useScanStatus() {
  const [status, setStatus] = useState<ScanStatus | null>(null);
  const refresh = useCallback(async () => {
    try {
      setStatus(await call('scan.status', {}));
    } catch {
      // the status is a help on screen; the scans themselves still answer whether scanning is paused
    }
  }, []);
  useEffect(() => void refresh(), [refresh]);
  const until = status?.pause?.until;
  useEffect(() => {
    if (until === undefined) return;
    const timer = setTimeout(() => void refresh(), Math.max(0, until - Date.now()) + 500);
    return () => clearTimeout(timer);
  }, [until, refresh]);
  return { status, setStatus, refresh };
}
