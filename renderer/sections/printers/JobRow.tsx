import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PrintJob } from '../../../shared/schemas/printing';
import { useSettings } from '../../app/SettingsContext';
import { ErrorNotice } from '../../components/ErrorNotice';
import { ACTION_METHOD, jobActions, type JobAction } from '../../components/print/job-state';
import { JobStatus } from '../../components/print/JobStatus';
import { call } from '../../lib/api';
import { formatDateTime } from '../../lib/format';
import { CancelJobDialog } from './CancelJobDialog';
import { jobLabel } from './job-label';

interface Props {
  job: PrintJob;
  onChanged(): void;
}

/** One print job: what it prints, where, its state in words and the actions that state allows. */
export function JobRow({ job, onChanged }: Props) {
  const { t } = useTranslation();
  const { settings } = useSettings();
  const [error, setError] = useState<unknown>(null);
  const [cancelling, setCancelling] = useState(false);
  const [busy, setBusy] = useState(false);

  const act = async (action: JobAction) => {
    setBusy(true);
    setError(null);
    try {
      await call(ACTION_METHOD[action], { jobId: job.id });
      setCancelling(false);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
      onChanged();
    }
  };

  return (
    <tr data-job-id={job.id} data-testid="job-row">
      <td>
        <span className="job-what">
          <span>{jobLabel(job, t)}</span>
          {job.title !== null && <bdi className="ellipsis" title={job.title}>{job.title}</bdi>}
          {job.copies > 1 && <span className="muted">{t('printers.jobs.copies', { count: job.copies })}</span>}
        </span>
      </td>
      <td>
        <bdi>{job.printerName}</bdi>
      </td>
      <td>
        <JobStatus job={job} />
        {error !== null && <ErrorNotice error={error} />}
      </td>
      <td className="nowrap">{settings ? formatDateTime(job.updatedAt, settings) : ''}</td>
      <td>
        <span className="job-actions">
          {jobActions(job).map((action) => (
            <button
              key={action}
              type="button"
              className={`button button--small${action === 'cancel' ? ' button--danger' : ''}`}
              data-testid={`job-${action}`}
              disabled={busy}
              onClick={() => (action === 'cancel' ? setCancelling(true) : act(action))}
            >
              {t(`printers.jobs.action.${action}`)}
            </button>
          ))}
        </span>
        {cancelling && <CancelJobDialog job={job} onClose={() => setCancelling(false)} onConfirm={() => act('cancel')} />}
      </td>
    </tr>
  );
}
