import { useTranslation } from 'react-i18next';
import type { VoucherListRow } from '../../../shared/schemas/vouchers';
import { BatchRows } from './BatchRows';
import type { VoucherListFilters } from './voucher-filters';
import { VoucherRow } from './VoucherRow';

interface Props {
  rows: VoucherListRow[];
  filters: VoucherListFilters;
  version: number;
  onOpen(id: number): void;
}

/**
 * The Vouchers table: single vouchers as rows, each batch as one row that opens to its vouchers. A search that
 * picks out some vouchers of a batch (a code) shows that batch opened on them; one that matches the whole
 * batch (its title) leaves it closed.
 */
export function VoucherTable({ rows, filters, version, onOpen }: Props) {
  const { t } = useTranslation();
  return (
    <table className="simple-table voucher-table" aria-label={t('vouchers.title')}>
      <thead>
        <tr>
          <th>{t('vouchers.columns.id')}</th>
          <th>{t('vouchers.columns.title')}</th>
          <th>{t('vouchers.columns.code')}</th>
          <th>{t('vouchers.columns.status')}</th>
          <th>{t('vouchers.columns.customer')}</th>
          <th>{t('vouchers.columns.issued')}</th>
          <th>{t('vouchers.columns.expires')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) =>
          row.kind === 'batch' ? (
            <BatchRows
              key={`batch-${row.batchId}-${filters.query ?? ''}`}
              batch={row}
              filters={filters}
              openAtStart={filters.query !== undefined && row.matching < row.quantity}
              version={version}
              onOpen={onOpen}
            />
          ) : (
            <VoucherRow key={row.voucher.id} voucher={row.voucher} onOpen={onOpen} />
          ),
        )}
      </tbody>
    </table>
  );
}
