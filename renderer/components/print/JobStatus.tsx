import { useTranslation } from 'react-i18next';
import type { PrintJob } from '../../../shared/schemas/printing';
import { reasonText } from './reason-text';

/**
 * A job's state in words, with its reason beside it ("Waiting" — "the printer is out of paper"), and for a
 * batch how many coupons the printer has taken.
 */
export function JobStatus({ job }: { job: PrintJob }) {
  const { t } = useTranslation();
  return (
    <span className="job-status" data-testid="job-status" data-status={job.status}>
      <span className={`status status--job-${job.status}`}>{t(`printers.jobStatus.${job.status}`)}</span>
      {job.reason && (
        <span className="job-status__reason" data-testid="job-reason">
          {reasonText(job.reason, t)}
        </span>
      )}
      {job.total > 1 && (
        <span className="job-status__progress muted" data-testid="job-progress">
          {t('printers.jobs.progress', { done: job.done, total: job.total })}
        </span>
      )}
    </span>
  );
}
