import { useTranslation } from 'react-i18next';
import type { ScanPause } from '../../../shared/schemas/scan';

interface PauseHistoryProps {
  pauses: ScanPause[];
  when: (instant: number) => string;
}

/** The latest scan pauses of this computer, newest first: when, at which seat, and who ended one early. */
export function PauseHistory({ pauses, when }: PauseHistoryProps) {
  const { t } = useTranslation();
  if (pauses.length === 0) return null;
  return (
    <section className="pause-history" data-testid="pause-history" aria-label={t('scan.pause.history')}>
      <h2 className="pause-history__title">{t('scan.pause.history')}</h2>
      <ul className="pause-history__list">
        {pauses.map((pause) => (
          <li key={pause.id} className="muted">
            {pause.endedAt !== null
              ? t('scan.pause.endedEarly', { start: when(pause.startedAt), seat: pause.seat, end: when(pause.endedAt), by: pause.endedBy ?? '' })
              : t('scan.pause.pausedUntil', { start: when(pause.startedAt), seat: pause.seat, end: when(pause.until) })}
          </li>
        ))}
      </ul>
    </section>
  );
}
