import { useTranslation } from 'react-i18next';
import { ApiCallError } from '../lib/api-error';

interface ErrorNoticeProps {
  error: unknown;
  onRetry?: () => void;
}

/** A failed load or action, in plain words, with the server's detail and a retry where it helps. */
export function ErrorNotice({ error, onRetry }: ErrorNoticeProps) {
  const { t } = useTranslation();
  const code = error instanceof ApiCallError ? error.code : 'internal';
  const detail = error instanceof Error ? error.message : null;
  return (
    <div className="notice notice--error" role="alert">
      <strong>{t(`errors.${code}`)}</strong>
      {detail && <p className="notice__detail">{detail}</p>}
      {onRetry && (
        <button type="button" className="button" onClick={onRetry}>
          {t('errors.retry')}
        </button>
      )}
    </div>
  );
}
