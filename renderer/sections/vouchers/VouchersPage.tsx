import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSettings } from '../../app/SettingsContext';
import { EmptyState } from '../../components/EmptyState';
import { ErrorNotice } from '../../components/ErrorNotice';
import { PageHeader } from '../../components/PageHeader';
import { useVoucherRows } from './use-voucher-rows';
import { EMPTY_FILTERS, isNarrowed, toListFilters } from './voucher-filters';
import { VoucherDetailsDialog } from './VoucherDetailsDialog';
import { VoucherFilterBar } from './VoucherFilterBar';
import { VoucherTable } from './VoucherTable';

/** Vouchers: every voucher with its status, a batch as one row; filters by status, source and date; search by code, title or customer. */
export function VouchersPage() {
  const { t } = useTranslation();
  const { settings } = useSettings();
  const [form, setForm] = useState(EMPTY_FILTERS);
  const [open, setOpen] = useState<number | null>(null);
  const [version, setVersion] = useState(0);
  const zone = settings?.timeZone ?? 'UTC';
  const filters = useMemo(() => toListFilters(form, zone), [form, zone]);
  const list = useVoucherRows(filters);

  return (
    <div className="vouchers-page">
      <PageHeader title={t('vouchers.title')} subtitle={list.total === null ? undefined : t('vouchers.total', { count: list.total })} />
      <VoucherFilterBar value={form} onChange={setForm} />
      {list.error !== null && <ErrorNotice error={list.error} onRetry={list.reload} />}
      {list.total === 0 ? (
        <EmptyState title={isNarrowed(filters) ? t('vouchers.noMatch') : t('vouchers.emptyTitle')}>
          <p>{t('vouchers.emptyBody')}</p>
        </EmptyState>
      ) : (
        <VoucherTable rows={list.rows} filters={list.filters} version={version} onOpen={setOpen} />
      )}
      {list.hasMore && (
        <button type="button" className="button vouchers-page__more" onClick={() => void list.loadMore()}>
          {t('vouchers.more')}
        </button>
      )}
      {open !== null && (
        <VoucherDetailsDialog
          id={open}
          onClose={() => setOpen(null)}
          onChanged={() => {
            setVersion((v) => v + 1);
            list.reload();
          }}
        />
      )}
    </div>
  );
}
