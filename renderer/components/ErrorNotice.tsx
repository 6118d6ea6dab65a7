import { useTranslation } from 'react-i18next';
import { ApiCallError } from '../lib/api-error';
import { errorText } from '../lib/error-text';

interface ErrorNoticeProps {
  error: unknown;
  onRetry?: () => void;
}

/** A failed load or action, in plain words in the admin's language, with a retry where it helps. */
export function ErrorNotice({ error, onRetry }: ErrorNoticeProps) {
  const { t } = useTranslation();
  const general = t(`errors.${error instanceof ApiCallError ? error.code : 'internal'}`);
  const specific = errorText(error, t);
  return (
    <div className="notice notice--error" role="alert">
      <strong>{general}</strong>
      {specific !== general && <p className="notice__detail">{specific}</p>}
      {onRetry && (
        <button type="button" className="button" onClick={onRetry}>
          {t('errors.retry')}
        </button>
      )}
    </div>
  );
}
