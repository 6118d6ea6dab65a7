import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../components/EmptyState';
import { ErrorNotice } from '../../components/ErrorNotice';
import { usePrintJobs } from '../../components/print/use-print-jobs';
import { JobRow } from './JobRow';

/** The print jobs, newest first, refreshed every second while one is still being printed. */
export function JobsList() {
  const { t } = useTranslation();
  const { jobs, error, reload } = usePrintJobs();
  if (error !== null && !jobs) return <ErrorNotice error={error} onRetry={reload} />;
  if (!jobs) return null;
  if (jobs.length === 0) return <EmptyState title={t('printers.jobs.empty')}><p>{t('printers.jobs.emptyBody')}</p></EmptyState>;
  return (
    <>
      {error !== null && <ErrorNotice error={error} onRetry={reload} />}
      <table className="simple-table jobs-table" data-testid="jobs-table">
        <thead>
          <tr>
            <th scope="col">{t('printers.jobs.what')}</th>
            <th scope="col">{t('printers.jobs.printer')}</th>
            <th scope="col">{t('printers.jobs.status')}</th>
            <th scope="col">{t('printers.jobs.when')}</th>
            <th scope="col">{t('printers.jobs.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {jobs.map((job) => (
            <JobRow key={job.id} job={job} onChanged={reload} />
          ))}
        </tbody>
      </table>
    </>
  );
}
