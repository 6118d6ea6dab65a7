import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PrintJob } from '../../../shared/schemas/printing';
import { call } from '../../lib/api';
import { ErrorNotice } from '../ErrorNotice';
import { isActiveJob } from './job-state';
import { JobStatus } from './JobStatus';

const POLL_MS = 1000;

interface Props {
  jobId: number;
  /** Called when the person follows the link to the jobs list. */
  onOpenList(): void;
}

/** A job just sent: its state, reason and progress, asked again every second until it settles. */
export function PrintProgress({ jobId, onOpenList }: Props) {
  const { t } = useTranslation();
  const [job, setJob] = useState<PrintJob | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    let live = true;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const load = async () => {
      try {
        const found = (await call('print.jobs', {})).find((j) => j.id === jobId) ?? null;
        if (!live) return;
        setJob(found);
        if (!found || isActiveJob(found)) timer = setTimeout(load, POLL_MS);
      } catch (e) {
        if (live) setError(e);
      }
    };
    void load();
    return () => {
      live = false;
      if (timer) clearTimeout(timer);
    };
  }, [jobId]);

  return (
    <div className="print-progress" data-testid="print-progress" role="status" aria-live="polite">
      <p>{t('printers.print.sent', { id: jobId })}</p>
      {job && <JobStatus job={job} />}
      {error !== null && <ErrorNotice error={error} />}
      <p>
        <a href="#/printers?tab=jobs" onClick={onOpenList} data-testid="print-open-jobs">
          {t('printers.print.openJobs')}
        </a>
      </p>
    </div>
  );
}
