import { useCallback, useEffect, useRef, useState } from 'react';
import type { PrintJob } from '../../../shared/schemas/printing';
import { call } from '../../lib/api';
import { isActiveJob } from './job-state';

const POLL_MS = 1000;

export interface PrintJobsQuery {
  jobs: PrintJob[] | null;
  error: unknown;
  reload(): void;
}

/**
 * The print jobs, asked again every second while any of them is queued, waiting or printing, and no more
 * once all are settled (a reload, after an action, starts it again).
 */
export function usePrintJobs(): PrintJobsQuery {
  const [jobs, setJobs] = useState<PrintJob[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  useEffect(() => {
    let live = true;
    const load = async () => {
      try {
        const list = await call('print.jobs', {});
        if (!live) return;
        setJobs(list);
        setError(null);
        if (list.some(isActiveJob)) timer.current = setTimeout(load, POLL_MS);
      } catch (e) {
        if (live) setError(e);
      }
    };
    void load();
    return () => {
      live = false;
      if (timer.current) clearTimeout(timer.current);
    };
  }, [attempt]);

  return { jobs, error, reload: useCallback(() => setAttempt((n) => n + 1), []) };
}
