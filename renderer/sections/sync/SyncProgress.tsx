import { useTranslation } from 'react-i18next';
import type { SyncStatus } from '../../../shared/schemas/sync';

/**
 * A first (or long) sync as it receives the shop's data: a bar when the total is known, a moving one when it is
 * not yet, and a line that says the app can be used meanwhile.
 */
export function SyncProgress({ progress }: { progress: NonNullable<SyncStatus['progress']> }) {
  const { t } = useTranslation();
  const share = progress.total ? Math.min(100, (progress.done / progress.total) * 100) : null;
  const text = progress.total ? t('sync.progress.of', { done: progress.done, total: progress.total }) : t('sync.progress.soFar', { count: progress.done });
  return (
    <div className="work-progress sync-progress" data-testid="sync-progress">
      <div className="progress">
        <div
          className={`progress__track${share === null ? ' sync-progress__track--unknown' : ''}`}
          role="progressbar"
          aria-label={t('sync.progress.label')}
          aria-valuemin={0}
          aria-valuemax={progress.total ?? undefined}
          aria-valuenow={progress.total ? progress.done : undefined}
          aria-valuetext={text}
        >
          <div className="progress__fill" style={{ inlineSize: `${share ?? 30}%` }} />
        </div>
      </div>
      <p className="sync-progress__text">{text}</p>
      <p className="muted sync-progress__text">{t('sync.progress.keepWorking')}</p>
    </div>
  );
}
