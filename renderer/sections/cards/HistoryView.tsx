import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CardEvent } from '../../../shared/schemas/cards';
import { useSettings } from '../../app/SettingsContext';
import { ErrorNotice } from '../../components/ErrorNotice';
import { call } from '../../lib/api';
import { downloadText } from '../../lib/download';
import { formatDateTime } from '../../lib/format';
import { describeEvent } from './event-text';
import { EventVoucherText } from './EventVoucherText';
import { PrintButton } from '../../components/print/PrintButton';

interface Props {
  cardId: number;
  /** Changes when the card changed, so the history reloads. */
  version: number;
}

/** VIEW HISTORY: the card's full event log, newest first, a page at a time, exportable as CSV. */
export function HistoryView({ cardId, version }: Props) {
  const { t } = useTranslation();
  const { settings } = useSettings();
  const [items, setItems] = useState<CardEvent[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [total, setTotal] = useState(0);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(true);

  useEffect(() => {
    let live = true;
    setLoading(true);
    call('cards.history', { id: cardId }).then(
      (page) => {
        if (!live) return;
        setItems(page.items);
        setCursor(page.nextCursor);
        setTotal(page.total);
        setLoading(false);
      },
      (e: unknown) => live && (setError(e), setLoading(false)),
    );
    return () => {
      live = false;
    };
  }, [cardId, version]);

  const more = async () => {
    if (!cursor) return;
    setLoading(true);
    try {
      const page = await call('cards.history', { id: cardId, cursor });
      setItems((current) => [...current, ...page.items]);
      setCursor(page.nextCursor);
    } catch (e) {
      setError(e);
    } finally {
      setLoading(false);
    }
  };

  const exportCsv = async () => {
    try {
      const file = await call('cards.exportHistoryCsv', { id: cardId });
      downloadText(file.fileName, file.csv);
    } catch (e) {
      setError(e);
    }
  };

  return (
    <section className="history" aria-label={t('cards.history.title')}>
      <div className="history__head">
        <h3>{t('cards.history.title')}</h3>
        <span className="muted">{t('cards.history.count', { shown: items.length, total })}</span>
        <button type="button" className="button button--small" onClick={exportCsv}>
          {t('cards.history.export')}
        </button>
      </div>
      {error !== null && <ErrorNotice error={error} />}
      {!loading && items.length === 0 && error === null && <p className="muted">{t('cards.history.empty')}</p>}
      <ol className="history__list" data-testid="history-list">
        {items.map((event) => (
          <li key={event.id} className="history__item" data-event-type={event.type}>
            <span className="history__type">{t(`events.types.${event.type}`)}</span>
            <span className="history__text">
              {event.voucher && event.type.startsWith('voucher_') ? <EventVoucherText voucher={event.voucher} /> : <bdi>{describeEvent(event, t)}</bdi>}
              {event.type === 'message_sent' && <MessageStatus status={event.data?.status} />}
              {event.type === 'voucher_issued' && event.voucher && <PrintButton target={{ voucherId: event.voucher.id }} title={event.voucher.title} small />}
            </span>
            <span className="history__meta muted">
              {settings ? formatDateTime(event.at, settings) : ''} · <bdi>{event.seat}</bdi>
            </span>
          </li>
        ))}
      </ol>
      {cursor && (
        <button type="button" className="button" onClick={more} disabled={loading}>
          {loading ? t('app.loading') : t('cards.history.more')}
        </button>
      )}
    </section>
  );
}

/** Where a message is: queued for the cloud service, sent, or failed; a badge beside the message's text. */
function MessageStatus({ status }: { status: unknown }) {
  const { t } = useTranslation();
  const known = status === 'sent' || status === 'failed' ? status : 'queued';
  return (
    <span className={`status status--message-${known}`} data-testid="message-status">
      {t(`events.status.${known}`)}
    </span>
  );
}
