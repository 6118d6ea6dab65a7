import { useCallback, useEffect, useRef, useState } from 'react';
import type { PrintJob } from '../../../shared/schemas/printing';
import { call } from '../../lib/api';
import { isActiveJob } from './job-state';

const POLL_MS = 1000;
/** With nothing printing, still look now and then: a job may be started from another screen or window. */
const IDLE_POLL_MS = 5000;

export interface PrintJobsQuery {
  jobs: PrintJob[] | null;
  error: unknown;
  reload(): void;
}

/**
 * The print jobs, asked again every second while any of them is queued, waiting or printing, and every five
 * seconds once all are settled (a reload, after an action, asks at once).
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
        timer.current = setTimeout(load, list.some(isActiveJob) ? POLL_MS : IDLE_POLL_MS);
      } catch (e) {
        if (!live) return;
        setError(e);
        timer.current = setTimeout(load, IDLE_POLL_MS);
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
