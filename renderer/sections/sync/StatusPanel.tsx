import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SyncStatus } from '../../../shared/schemas/sync';
import { useSettings } from '../../app/SettingsContext';
import { reasonText, syncStateLabel } from '../../app/sync-text';
import { useSyncStatus } from '../../app/SyncStatusContext';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Ltr } from '../../components/Ltr';
import { call } from '../../lib/api';
import { formatDateTime, formatNumber } from '../../lib/format';
import { useLocale } from '../../lib/use-locale';
import { SyncProgress } from './SyncProgress';

/** Where sync stands: its state in words, the last sync, what waits, what went wrong; Sync now and on/off. */
export function StatusPanel({ status }: { status: SyncStatus }) {
  const { t } = useTranslation();
  const { settings } = useSettings();
  const locale = useLocale();
  const { update } = useSyncStatus();
  const [busy, setBusy] = useState<'now' | 'toggle' | null>(null);
  const [error, setError] = useState<unknown>(null);
  const label = syncStateLabel(status);
  const configured = status.url !== null && status.hasApiKey;

  const run = async (what: 'now' | 'toggle') => {
    setBusy(what);
    setError(null);
    try {
      update(what === 'now' ? await call('sync.now', {}) : await call('sync.configure', { enabled: !status.enabled }));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(null);
    }
  };

  return (
    <section className="sync-panel" aria-labelledby="sync-status-heading" data-testid="sync-status" data-state={label}>
      <div className="sync-panel__head">
        <h2 id="sync-status-heading" className={`sync-state sync-state--${label}`} data-testid="sync-state">
          <span className="sync-state__dot" aria-hidden="true" />
          {t(`sync.state.${label}`)}
        </h2>
        <div className="sync-panel__actions">
          {configured && (
            <button type="button" className="button" data-testid="sync-toggle" disabled={busy !== null} onClick={() => void run('toggle')}>
              {status.enabled ? t('sync.status.turnOff') : t('sync.status.turnOn')}
            </button>
          )}
          <button
            type="button"
            className="button button--primary"
            data-testid="sync-now"
            disabled={!configured || !status.enabled || busy !== null}
            onClick={() => void run('now')}
          >
            {busy === 'now' ? t('sync.status.syncing') : t('sync.status.syncNow')}
          </button>
        </div>
      </div>
      {label === 'notSetUp' && <p className="muted">{t('sync.status.notSetUpBody')}</p>}
      {label === 'off' && <p className="muted">{t('sync.status.offBody')}</p>}
      {status.state === 'offline' && <p className="muted">{t('sync.status.offlineBody')}</p>}
      {status.progress && status.state === 'syncing' && <SyncProgress progress={status.progress} />}
      {status.error && (
        <p className="sync-panel__problem" role="alert" data-testid="sync-error">
          {reasonText(status.error, t)}
        </p>
      )}
      <dl className="facts sync-facts">
        <dt>{t('sync.status.lastSync')}</dt>
        <dd data-testid="sync-last">{status.lastSyncAt === null ? t('sync.status.never') : formatDateTime(status.lastSyncAt, settings!)}</dd>
        {status.offlineSince !== null && (
          <>
            <dt>{t('sync.status.offlineSince')}</dt>
            <dd>{formatDateTime(status.offlineSince, settings!)}</dd>
          </>
        )}
        <dt>{t('sync.status.pending')}</dt>
        <dd data-testid="sync-pending">{formatNumber(status.pending, locale)}</dd>
        <dt>{t('sync.status.conflicts')}</dt>
        <dd data-testid="sync-conflicts">{formatNumber(status.conflicts, locale)}</dd>
        <dt>{t('sync.status.device')}</dt>
        <dd>
          <Ltr className="mono">{status.deviceId}</Ltr>
        </dd>
      </dl>
      {error !== null && <ErrorNotice error={error} />}
    </section>
  );
}
