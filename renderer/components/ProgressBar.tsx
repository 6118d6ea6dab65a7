import { useTranslation } from 'react-i18next';
import { formatPercent, percent } from '../lib/format';
import { useLocale } from '../lib/use-locale';

interface ProgressBarProps {
  stamps: number;
  goal: number;
  label: string;
}

/** Stamps towards the goal as a bar with text, e.g. `8 / 8 • 100%` (azb `۸ / ۸ • ۱۰۰٪`). */
export function ProgressBar({ stamps, goal, label }: ProgressBarProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const value = percent(stamps, goal);
  return (
    <div className="progress">
      <div
        className="progress__track"
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={goal}
        aria-valuenow={stamps}
        aria-valuetext={t('app.progressValue', { stamps, goal })}
      >
        <div className={`progress__fill${value >= 100 ? ' progress__fill--done' : ''}`} style={{ width: `${value}%` }} />
      </div>
      <span className="progress__text" data-testid="progress-text">
        {t('app.progress', { stamps, goal, percent: formatPercent(value, locale) })}
      </span>
    </div>
  );
}
