import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { VOUCHER_STATUSES, type VoucherBatchRow, type VoucherSummary } from '../../../shared/schemas/vouchers';
import { ErrorNotice } from '../../components/ErrorNotice';
import { ExpandIcon } from '../../components/icons';
import { Ltr } from '../../components/Ltr';
import { PrintButton } from '../../components/print/PrintButton';
import { call } from '../../lib/api';
import { DateCell } from './DateCell';
import type { VoucherListFilters } from './voucher-filters';
import { VoucherRow } from './VoucherRow';

const COLUMNS = 7;
const PAGE = 50;

interface Props {
  batch: VoucherBatchRow;
  /** The list's search and filters: an opened batch shows its vouchers that match them. */
  filters: VoucherListFilters;
  /** Opened from the start (a search that picks out some of the batch's vouchers, such as a code). */
  openAtStart: boolean;
  /** Changes after a voucher was voided, so an opened batch reads its vouchers again. */
  version: number;
  onOpen(id: number): void;
}

/**
 * A batch of free vouchers as one row: title, size, how many match, and how many are active, redeemed, expired
 * and voided. Its button (or a click on the row) opens it to its vouchers, a page at a time.
 */
export function BatchRows({ batch, filters, openAtStart, version, onOpen }: Props) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(openAtStart);
  const [items, setItems] = useState<VoucherSummary[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const key = JSON.stringify(filters);
  const narrowed = batch.matching < batch.quantity;

  useEffect(() => {
    if (!open) return;
    let live = true;
    call('vouchers.list', { ...filters, batchId: batch.batchId, limit: PAGE }).then(
      (page) => {
        if (!live) return;
        setItems(page.items);
        setCursor(page.nextCursor);
        setError(null);
      },
      (e: unknown) => live && setError(e),
    );
    return () => {
      live = false;
    };
  }, [open, key, version, batch.batchId]); // filters are described by key

  const more = async () => {
    if (!cursor) return;
    try {
      const page = await call('vouchers.list', { ...filters, batchId: batch.batchId, limit: PAGE, cursor });
      setItems((current) => [...current, ...page.items]);
      setCursor(page.nextCursor);
    } catch (e) {
      setError(e);
    }
  };

  return (
    <>
      <tr className={`batch-row${open ? ' batch-row--open' : ''}`} data-batch-id={batch.batchId} onClick={() => setOpen((o) => !o)}>
        <td>
          <button
            type="button"
            className="batch-row__toggle"
            aria-expanded={open}
            aria-label={t('vouchers.batch.toggle', { count: batch.quantity })}
            onClick={(e) => {
              e.stopPropagation();
              setOpen((o) => !o);
            }}
          >
            <ExpandIcon />
          </button>
        </td>
        <td className="col-title">
          <span className="cell-line">
            <bdi className="ellipsis" title={batch.title}>
              {batch.title}
            </bdi>
            <span className="batch-row__size">{t('vouchers.batch.size', { count: batch.quantity })}</span>
            {narrowed && <span className="batch-row__matching">{t('vouchers.batch.matching', { count: batch.matching, total: batch.quantity })}</span>}
            <PrintButton target={{ batchId: batch.batchId, size: batch.quantity }} title={batch.title} small />
          </span>
        </td>
        <td>{batch.redeemCode ? <Ltr className="mono">{batch.redeemCode}</Ltr> : '—'}</td>
        <td colSpan={2}>
          <span className="batch-row__counts" data-testid="batch-counts">
            {VOUCHER_STATUSES.filter((status) => batch.counts[status] > 0).map((status) => (
              <span key={status} className={`status status--${status}`}>
                {t(`vouchers.batch.counts.${status}`, { count: batch.counts[status] })}
              </span>
            ))}
          </span>
        </td>
        <DateCell at={batch.issuedAt} />
        {batch.expiresAt === null ? <td>{t('vouchers.never')}</td> : <DateCell at={batch.expiresAt - 1} />}
      </tr>
      {open && items.map((v) => <VoucherRow key={v.id} voucher={v} inBatch onOpen={onOpen} />)}
      {open && (cursor || error !== null) && (
        <tr className="voucher-row--in-batch">
          <td colSpan={COLUMNS}>
            {error !== null && <ErrorNotice error={error} />}
            {cursor && (
              <button type="button" className="button button--small" onClick={more}>
                {t('vouchers.batch.more')}
              </button>
            )}
          </td>
        </tr>
      )}
    </>
  );
}
