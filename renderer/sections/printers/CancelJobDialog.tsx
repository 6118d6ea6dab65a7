import { useTranslation } from 'react-i18next';
import type { PrintJob } from '../../../shared/schemas/printing';
import { Dialog } from '../../components/Dialog';
import { jobLabel } from './job-label';

interface Props {
  job: PrintJob;
  onClose(): void;
  onConfirm(): void;
}

/** Cancel a job, after saying what of it was printed already. */
export function CancelJobDialog({ job, onClose, onConfirm }: Props) {
  const { t } = useTranslation();
  return (
    <Dialog
      title={t('printers.cancelJob.title')}
      onClose={onClose}
      actions={
        <>
          <button type="button" className="button" onClick={onClose}>
            {t('printers.cancelJob.keep')}
          </button>
          <button type="button" className="button button--danger" data-testid="confirm-cancel-job" onClick={onConfirm}>
            {t('printers.cancelJob.confirm')}
          </button>
        </>
      }
    >
      <p>{jobLabel(job, t)}</p>
      <p>{job.done > 0 ? t('printers.cancelJob.bodyPartly', { done: job.done, total: job.total }) : t('printers.cancelJob.body')}</p>
    </Dialog>
  );
}
