import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSyncStatus } from '../../app/SyncStatusContext';
import { EmptyState } from '../../components/EmptyState';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useApiQuery } from '../../lib/use-api-query';
import { ConflictItem } from './ConflictItem';

/**
 * Conflicts and rejected changes, newest first: those not looked at yet, or all of them. Asked again when the
 * status counts a new one and after Mark as seen (which also lowers the count in the status at once).
 */
export function ConflictList({ unseen }: { unseen: number }) {
  const { t } = useTranslation();
  const { refresh } = useSyncStatus();
  const [includeSeen, setIncludeSeen] = useState(false);
  const [version, setVersion] = useState(0);
  const list = useApiQuery('sync.conflicts', { includeSeen }, `${includeSeen}|${unseen}|${version}`);
  const onSeen = () => {
    setVersion((v) => v + 1);
    refresh();
  };

  return (
    <section className="sync-panel" aria-labelledby="sync-conflicts-heading" data-testid="sync-conflicts-section">
      <div className="sync-panel__head">
        <h2 id="sync-conflicts-heading" className="sync-panel__title">
          {t('sync.conflicts.heading')}
        </h2>
        <label className="check">
          <input type="checkbox" data-testid="sync-show-seen" checked={includeSeen} onChange={(e) => setIncludeSeen(e.target.checked)} />
          {t('sync.conflicts.showSeen')}
        </label>
      </div>
      {list.error !== null && <ErrorNotice error={list.error} onRetry={list.reload} />}
      {list.data && list.data.length === 0 && (
        <EmptyState title={includeSeen ? t('sync.conflicts.noneAtAll') : t('sync.conflicts.none')}>
          <p>{t('sync.conflicts.noneBody')}</p>
        </EmptyState>
      )}
      {list.data && list.data.length > 0 && (
        <ul className="sync-conflicts" data-testid="sync-conflict-list">
          {list.data.map((c) => (
            <ConflictItem key={c.id} conflict={c} onSeen={onSeen} />
          ))}
        </ul>
      )}
    </section>
  );
}
