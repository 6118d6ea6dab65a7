import { useTranslation } from 'react-i18next';
import type { SyncStatus } from '../../shared/schemas/sync';
import { formatDate, formatTime, type DateContext } from '../lib/format';
import { useSettings } from './SettingsContext';
import { syncStateLabel } from './sync-text';
import { useSyncStatus } from './SyncStatusContext';
import './sync-status.css';

/** A moment in the menu's few words: its time when it is today, else its day. */
function shortWhen(instant: number, ctx: DateContext): string {
  const sameDay = formatDate(instant, ctx) === formatDate(Date.now(), ctx);
  return sameDay ? formatTime(instant, ctx) : formatDate(instant, ctx);
}

/**
 * The sync status in the side menu, on every screen: synced / syncing (with its progress) / offline since … /
 * error / off, the last sync, the changes waiting and the conflicts to look at. It opens the Sync section.
 */
export function ShellSyncStatus({ current }: { current: boolean }) {
  const { t } = useTranslation();
  const { status } = useSyncStatus();
  const { settings } = useSettings();
  if (!status || !settings) return null;
  const label = syncStateLabel(status);
  return (
    <a
      href="#/sync"
      className={`shell-sync shell-sync--${label}`}
      data-testid="shell-sync"
      data-state={label}
      aria-current={current ? 'page' : undefined}
    >
      <span className="shell-sync__state">
        <span className="shell-sync__dot" aria-hidden="true" />
        {t(`sync.state.${label}`)}
      </span>
      <Detail status={status} ctx={settings} />
      {status.state === 'syncing' && status.progress && <ShellProgress progress={status.progress} />}
      {status.pending > 0 && (
        <span className="shell-sync__line" data-testid="shell-sync-pending">
          {t('sync.shell.pending', { count: status.pending })}
        </span>
      )}
      {status.conflicts > 0 && (
        <span className="shell-sync__line shell-sync__line--warn" data-testid="shell-sync-conflicts">
          {t('sync.shell.conflicts', { count: status.conflicts })}
        </span>
      )}
    </a>
  );
}

function Detail({ status, ctx }: { status: SyncStatus; ctx: DateContext }) {
  const { t } = useTranslation();
  if (status.state === 'offline' && status.offlineSince !== null) {
    return <span className="shell-sync__line">{t('sync.shell.offlineSince', { when: shortWhen(status.offlineSince, ctx) })}</span>;
  }
  if (status.state === 'off') return null;
  return (
    <span className="shell-sync__line" data-testid="shell-sync-last">
      {status.lastSyncAt === null ? t('sync.shell.never') : t('sync.shell.lastSync', { when: shortWhen(status.lastSyncAt, ctx) })}
    </span>
  );
}

function ShellProgress({ progress }: { progress: NonNullable<SyncStatus['progress']> }) {
  const { t } = useTranslation();
  const share = progress.total ? Math.min(100, (progress.done / progress.total) * 100) : null;
  const text = progress.total ? t('sync.progress.of', { done: progress.done, total: progress.total }) : t('sync.progress.soFar', { count: progress.done });
  return (
    <span className="shell-sync__progress">
      <span
        className={`shell-sync__track${share === null ? ' shell-sync__track--unknown' : ''}`}
        role="progressbar"
        aria-valuemin={0}
        aria-valuemax={progress.total ?? undefined}
        aria-valuenow={progress.total ? progress.done : undefined}
        aria-valuetext={text}
      >
        <span className="shell-sync__fill" style={{ inlineSize: `${share ?? 30}%` }} />
      </span>
      <span className="shell-sync__line">{text}</span>
    </span>
  );
}
