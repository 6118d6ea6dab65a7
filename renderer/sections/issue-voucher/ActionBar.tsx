import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_QUANTITY } from '../../../shared/schemas/vouchers';
import type { Missing } from './missing-fields';

interface Props {
  missing: Missing[];
  busy: boolean;
}

/**
 * GENERATE VOUCHER, in a bar that stays at the bottom of the window however long the form is. While the form
 * lacks something the button is off and the bar lists what, in the admin's language.
 */
export function ActionBar({ missing, busy }: Props) {
  const { t } = useTranslation();
  const listId = useId();
  return (
    <div className="action-bar" data-testid="issue-action-bar">
      {missing.length > 0 ? (
        <div className="action-bar__missing" id={listId} data-testid="issue-missing">
          <span className="action-bar__heading">{t('issue.missing.heading')}</span>
          <ul>
            {missing.map((key) => (
              <li key={key}>{t(`issue.missing.${key}`, { max: MAX_QUANTITY })}</li>
            ))}
          </ul>
        </div>
      ) : (
        <span />
      )}
      <button type="submit" className="button button--primary" disabled={busy || missing.length > 0} aria-describedby={missing.length > 0 ? listId : undefined}>
        {busy ? t('issue.generating') : t('issue.generate')}
      </button>
    </div>
  );
}
