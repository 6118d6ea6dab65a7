import { useTranslation } from 'react-i18next';
import { useSyncStatus } from '../../app/SyncStatusContext';
import { ErrorNotice } from '../../components/ErrorNotice';
import { PageHeader } from '../../components/PageHeader';
import { ConflictList } from './ConflictList';
import { ConnectionForm } from './ConnectionForm';
import { StatusPanel } from './StatusPanel';
import './sync.css';

/** Sync: the status with Sync now and on/off, the cloud's address and key with a connection test, the conflicts. */
export function SyncPage() {
  const { t } = useTranslation();
  const { status, error, refresh } = useSyncStatus();
  return (
    <div className="sync-page">
      <PageHeader title={t('sync.title')} subtitle={t('sync.subtitle')} />
      {status ? (
        <>
          <StatusPanel status={status} />
          <ConnectionForm status={status} />
          <ConflictList unseen={status.conflicts} />
        </>
      ) : error !== null ? (
        <ErrorNotice error={error} onRetry={refresh} />
      ) : (
        <p className="muted" aria-busy="true">
          {t('app.loading')}
        </p>
      )}
    </div>
  );
}
