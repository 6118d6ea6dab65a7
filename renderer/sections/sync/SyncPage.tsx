import { useTranslation } from 'react-i18next';
import { useSyncStatus } from '../../app/SyncStatusContext';
import { ErrorNotice } from '../../components/ErrorNotice';
import { PageHeader } from '../../components/PageHeader';
import { ConflictList } from './ConflictList';
import { ConnectionForm } from './ConnectionForm';
import { StatusPanel } from './StatusPanel';
import './sync.css';

/** Sync: the status with Sync now and on/off, the conflicts, the cloud's address and key with a connection test. */
export function SyncPage() {
  const { t } = useTranslation();
  const { status, error, refresh } = useSyncStatus();
  return (
    <div className="sync-page">
      <PageHeader title={t('sync.title')} subtitle={t('sync.subtitle')} />
      {status ? (
        <>
          <StatusPanel status={status} />
          {/* once set up, what needs a person comes before the address and key (keyed: each keeps its state) */}
          {status.url !== null && status.hasApiKey
            ? [<ConflictList key="conflicts" unseen={status.conflicts} />, <ConnectionForm key="connection" status={status} />]
            : [<ConnectionForm key="connection" status={status} />, <ConflictList key="conflicts" unseen={status.conflicts} />]}
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
