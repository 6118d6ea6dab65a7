import { useCallback, useEffect, useState } from 'react';
import type { AppInfo } from '../../../shared/schemas/app-info';
import { call } from '../../lib/api';

export function useAppInfo(): { info: AppInfo | null; error: unknown; reload(): void } {
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let live = true;
    call('app.info', {}).then(
      (value) => {
        if (live) {
          setInfo(value);
          setError(null);
        }
      },
      (reason: unknown) => live && setError(reason),
    );
    return () => {
      live = false;
    };
  }, [attempt]);
  return { info, error, reload: useCallback(() => setAttempt((n) => n + 1), []) };
}
