import { useTranslation } from 'react-i18next';
import { VOUCHER_STATUSES } from '../../../shared/schemas/vouchers';
import { DatePicker } from '../../components/DatePicker';
import type { VoucherFilterForm } from './voucher-filters';

interface Props {
  value: VoucherFilterForm;
  onChange(next: VoucherFilterForm): void;
}

/** Search (code, title or customer), status, source and the issue-date range of the Vouchers list. */
export function VoucherFilterBar({ value, onChange }: Props) {
  const { t } = useTranslation();
  const set = <K extends keyof VoucherFilterForm>(key: K, next: VoucherFilterForm[K]) => onChange({ ...value, [key]: next });
  return (
    <div className="voucher-filters" data-testid="voucher-filters">
      <input
        type="search"
        className="input voucher-filters__search"
        placeholder={t('vouchers.search')}
        aria-label={t('vouchers.search')}
        value={value.query}
        maxLength={100}
        onChange={(e) => set('query', e.target.value)}
      />
      <select className="input voucher-filters__source" aria-label={t('vouchers.source.label')} value={value.source} onChange={(e) => set('source', e.target.value as VoucherFilterForm['source'])}>
        <option value="">{t('vouchers.source.all')}</option>
        <option value="free">{t('vouchers.source.free')}</option>
        <option value="card">{t('vouchers.source.card')}</option>
      </select>
      <div className="check-row voucher-filters__statuses" role="group" aria-label={t('vouchers.columns.status')}>
        {VOUCHER_STATUSES.map((status) => (
          <label key={status} className="check">
            <input
              type="checkbox"
              checked={value.statuses.includes(status)}
              onChange={() => set('statuses', value.statuses.includes(status) ? value.statuses.filter((s) => s !== status) : [...value.statuses, status])}
            />
            {t(`vouchers.status.${status}`)}
          </label>
        ))}
      </div>
      <label className="date-field">
        <span>{t('vouchers.from')}</span>
        <DatePicker value={value.from} onChange={(iso) => set('from', iso)} />
      </label>
      <label className="date-field">
        <span>{t('vouchers.to')}</span>
        <DatePicker value={value.to} onChange={(iso) => set('to', iso)} />
      </label>
    </div>
  );
}
