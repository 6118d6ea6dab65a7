import { useTranslation } from 'react-i18next';
import { zoneName } from '../../../shared/domain/time-zone';
import type { Validity } from '../../../shared/domain/validity';
import type { Settings } from '../../../shared/schemas/settings';
import { DatePicker } from '../../components/DatePicker';
import { FormField } from '../../components/FormField';
import { NumberField } from '../../components/NumberField';
import { formatDateTime } from '../../lib/format';

export type ValidityKind = Validity['kind'];

interface Props {
  kind: ValidityKind;
  onKind(kind: ValidityKind): void;
  amount: number | null;
  onAmount(amount: number | null): void;
  date: string;
  onDate(date: string): void;
  /** Today in the shop's time zone: the first day FIXED DATE offers. */
  today: string;
  /** When the voucher would expire (null: never; undefined: not complete yet). */
  expiry: number | null | undefined;
  settings: Settings | null;
  serverError: string | null;
}

/** Validity: UNLIMITED, DAYS, MONTHS or FIXED DATE, with when it ends in the shop's time zone. */
export function ValidityFieldset({ kind, onKind, amount, onAmount, date, onDate, today, expiry, settings, serverError }: Props) {
  const { t } = useTranslation();
  const zone = settings?.timeZone ?? 'UTC';
  return (
    <fieldset className="fieldset">
      <legend>{t('issue.validity.label')}</legend>
      <div className="segmented" role="radiogroup" aria-label={t('issue.validity.label')}>
        {(['unlimited', 'days', 'months', 'fixed'] as const).map((option) => (
          <label key={option} className={`segmented__option${kind === option ? ' segmented__option--on' : ''}`}>
            <input type="radio" name="validity" value={option} checked={kind === option} onChange={() => onKind(option)} />
            {t(`issue.validity.${option}`)}
          </label>
        ))}
      </div>
      {(kind === 'days' || kind === 'months') && (
        <FormField label={t(`issue.validity.${kind}Count`)} error={serverError}>
          <NumberField value={amount} onValueChange={onAmount} />
        </FormField>
      )}
      {kind === 'fixed' && (
        <FormField label={t('issue.validity.date')} error={serverError}>
          <DatePicker className="input--short" min={today} value={date} onChange={onDate} />
        </FormField>
      )}
      <p className="muted" data-testid="expiry-preview" aria-live="polite">
        {expiry === undefined
          ? t('issue.validity.incomplete')
          : expiry === null
            ? t('issue.validity.never')
            : t('issue.validity.until', { when: settings ? formatDateTime(expiry - 1, settings) : '', zone: zoneName(zone) })}
      </p>
    </fieldset>
  );
}
