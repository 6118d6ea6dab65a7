import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { VOUCHER_STATUSES, type VoucherStatus, type VoucherSummary } from '../../../shared/schemas/vouchers';
import { zonedTimeToInstant } from '../../../shared/domain/zoned-time';
import { formatRedeemCode } from '../../../shared/domain/redeem-code';
import { useSettings } from '../../app/SettingsContext';
import { EmptyState } from '../../components/EmptyState';
import { DatePicker } from '../../components/DatePicker';
import { ErrorNotice } from '../../components/ErrorNotice';
import { PageHeader } from '../../components/PageHeader';
import { call } from '../../lib/api';
import { formatDateTime, formatNumber } from '../../lib/format';
import { VoucherDetailsDialog } from './VoucherDetailsDialog';
import { Ltr } from '../../components/Ltr';

function dayStart(date: string, zone: string, next = false): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return undefined;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + (next ? 1 : 0)));
  return zonedTimeToInstant({ year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour: 0, minute: 0, second: 0 }, zone);
}

/** Vouchers: every voucher with its status; filters by status, source and date; search by code or title. */
export function VouchersPage() {
  const { t, i18n } = useTranslation();
  const { settings } = useSettings();
  const [query, setQuery] = useState('');
  const [statuses, setStatuses] = useState<VoucherStatus[]>([]);
  const [source, setSource] = useState<'' | 'free' | 'card'>('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [items, setItems] = useState<VoucherSummary[]>([]);
  const [total, setTotal] = useState<number | null>(null);
  const [cursor, setCursor] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [open, setOpen] = useState<number | null>(null);
  const [version, setVersion] = useState(0);
  const zone = settings?.timeZone ?? 'UTC';
  const input = {
    query: query.trim() || undefined,
    status: statuses.length ? statuses : undefined,
    source: source || undefined,
    issuedFrom: dayStart(from, zone),
    issuedTo: dayStart(to, zone, true),
  };
  const key = JSON.stringify(input);

  useEffect(() => {
    let live = true;
    call('vouchers.list', { ...input, limit: 50 }).then(
      (page) => {
        if (!live) return;
        setItems(page.items);
        setTotal(page.total);
        setCursor(page.nextCursor);
        setError(null);
      },
      (e: unknown) => live && setError(e),
    );
    return () => {
      live = false;
    };
  }, [key, version]); // input is described by key

  const more = async () => {
    if (!cursor) return;
    const page = await call('vouchers.list', { ...input, limit: 50, cursor });
    setItems((current) => [...current, ...page.items]);
    setCursor(page.nextCursor);
  };

  return (
    <>
      <PageHeader
        title={t('vouchers.title')}
        subtitle={total === null ? undefined : t('vouchers.total', { count: total })}
      />
      <div className="toolbar toolbar--left">
        <input type="search" className="input toolbar__search" placeholder={t('vouchers.search')} aria-label={t('vouchers.search')} value={query} maxLength={100} onChange={(e) => setQuery(e.target.value)} />
        <div className="check-row" role="group" aria-label={t('vouchers.columns.status')}>
          {VOUCHER_STATUSES.map((status) => (
            <label key={status} className="check">
              <input type="checkbox" checked={statuses.includes(status)} onChange={() => setStatuses((s) => (s.includes(status) ? s.filter((x) => x !== status) : [...s, status]))} />
              {t(`vouchers.status.${status}`)}
            </label>
          ))}
        </div>
        <select className="input toolbar__sort" aria-label={t('vouchers.source.label')} value={source} onChange={(e) => setSource(e.target.value as '' | 'free' | 'card')}>
          <option value="">{t('vouchers.source.all')}</option>
          <option value="free">{t('vouchers.source.free')}</option>
          <option value="card">{t('vouchers.source.card')}</option>
        </select>
        <label className="date-field">
          <span>{t('vouchers.from')}</span>
          <DatePicker value={from} onChange={setFrom} />
        </label>
        <label className="date-field">
          <span>{t('vouchers.to')}</span>
          <DatePicker value={to} onChange={setTo} />
        </label>
      </div>
      {error !== null && <ErrorNotice error={error} />}
      {total === 0 ? (
        <EmptyState title={key === JSON.stringify({}) ? t('vouchers.emptyTitle') : t('vouchers.noMatch')}>
          <p>{t('vouchers.emptyBody')}</p>
        </EmptyState>
      ) : (
        <table className="simple-table" aria-label={t('vouchers.title')}>
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
            {items.map((v) => (
              <tr key={v.id} data-voucher-id={v.id} tabIndex={0} onClick={() => setOpen(v.id)} onKeyDown={(e) => e.key === 'Enter' && setOpen(v.id)}>
                <td>
                  <Ltr className="mono">{v.id}</Ltr>
                </td>
                <td>
                  <bdi>{v.title}</bdi>
                </td>
                <td className="nowrap">{v.redeemCode ? <Ltr className="mono">{formatRedeemCode(v.redeemCode)}</Ltr> : '—'}</td>
                <td>
                  <span className={`status status--${v.status}`}>{t(`vouchers.status.${v.status}`)}</span>
                </td>
                <td>{v.customerName ? <bdi>{v.customerName}</bdi> : t('vouchers.source.free')}</td>
                <td>{settings ? formatDateTime(v.issuedAt, settings) : ''}</td>
                <td>{v.expiresAt === null ? t('vouchers.never') : settings ? formatDateTime(v.expiresAt - 1, settings) : ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {cursor && (
        <button type="button" className="button" onClick={more}>
          {t('vouchers.more')}
        </button>
      )}
      {open !== null && <VoucherDetailsDialog id={open} onClose={() => setOpen(null)} onChanged={() => setVersion((v) => v + 1)} />}
    </>
  );
}
