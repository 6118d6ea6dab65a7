import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CardDetails } from '../../../shared/schemas/cards';
import { useSettings } from '../../app/SettingsContext';
import { ErrorNotice } from '../../components/ErrorNotice';
import { ProgressBar } from '../../components/ProgressBar';
import { call } from '../../lib/api';
import { copyText } from '../../lib/clipboard';
import { formatDateTime, formatList } from '../../lib/format';
import { Ltr } from '../../components/Ltr';
import { useApiQuery } from '../../lib/use-api-query';
import { AdjustStampsDialog } from './AdjustStampsDialog';
import { DeleteCardDialog } from './DeleteCardDialog';
import { HistoryView } from './HistoryView';
import { MessageDialog } from './MessageDialog';
import { PlatformIcons } from './PlatformIcons';

interface CardPanelProps {
  id: number;
  onClose(): void;
  /** After a delete or a stamp change: the list refreshes. */
  onChanged(kind: 'deleted' | 'updated'): void;
}

type Open = 'none' | 'history' | 'message' | 'adjust' | 'delete';

/** DETAILED CARD: the side panel of one card with its fields and actions. */
export function CardPanel({ id, onClose, onChanged }: CardPanelProps) {
  const { t } = useTranslation();
  const { settings } = useSettings();
  const [version, setVersion] = useState(0);
  const { data: card, error, reload } = useApiQuery('cards.get', { id }, `${id}:${version}`);
  const [open, setOpen] = useState<Open>('none');
  const [notice, setNotice] = useState<string | null>(null);

  const refresh = () => {
    setVersion((v) => v + 1);
    onChanged('updated');
  };

  return (
    <aside className="card-panel" aria-label={t('cards.panel.title')}>
      <div className="card-panel__top">
        <span className="card-panel__kicker">{t('cards.panel.title')}</span>
        <button type="button" className="icon-button" aria-label={t('cards.panel.close')} onClick={onClose}>
          ×
        </button>
      </div>
      {error !== null && <ErrorNotice error={error} onRetry={reload} />}
      {card && card.id === id && settings && (
        <>
          <header className="card-panel__header">
            <h2 className="card-panel__name" data-testid="panel-heading">
              #{card.id} - <bdi>{card.name}</bdi>
            </h2>
            <button type="button" className="button button--danger" data-testid="action-delete" onClick={() => setOpen('delete')}>
              {t('cards.panel.delete')}
            </button>
          </header>
          <RewardStep card={card} />
          <dl className="facts facts--panel">
            <dt>{t('cards.panel.cardNumber')}</dt>
            <dd className="with-actions">
              <Ltr className="mono" testId="panel-card-number">
                {card.id}
              </Ltr>
              <button
                type="button"
                className="button button--small"
                onClick={async () => setNotice((await copyText(String(card.id))) ? t('cards.panel.copied') : t('cards.panel.copyFailed'))}
              >
                {t('cards.panel.copy')}
              </button>
              <button
                type="button"
                className="button button--small"
                disabled={!card.publicPageUrl}
                title={card.publicPageUrl ? card.publicPageUrl : t('cards.panel.noPublicPage')}
                onClick={async () => {
                  const page = await call('cards.openPublicPage', { id: card.id });
                  if (!page.opened) window.open(page.url, '_blank', 'noopener,noreferrer');
                }}
              >
                {t('cards.panel.open')}
              </button>
            </dd>
            <dt>{t('cards.panel.templateId')}</dt>
            <dd data-testid="panel-template">
              {t('cards.panel.templateWithVersion', { id: card.templateId, version: card.templateVersion })} <span className="muted">
                (<bdi>{card.templateName}</bdi>)
              </span>
            </dd>
            <dt>{t('cards.panel.issuedFor')}</dt>
            <dd>
              <PlatformIcons platforms={card.platforms} />{' '}
              <span className="muted">{formatList(card.platforms.map((p) => t(`platforms.${p}`)), settings.locale)}</span>
            </dd>
            <dt>{t('cards.panel.createdAt')}</dt>
            <dd data-testid="panel-created">{formatDateTime(card.createdAt, settings)}</dd>
            <dt>{t('cards.panel.lastStampAt')}</dt>
            <dd data-testid="panel-last-stamp">{formatDateTime(card.lastStampAt, settings)}</dd>
            <dt>{t('cards.panel.progress')}</dt>
            <dd>
              <ProgressBar stamps={card.stamps} goal={card.goal} label={t('cards.panel.progress')} />
            </dd>
            {card.email && (
              <>
                <dt>{t('cards.panel.email')}</dt>
                <dd>
                  <Ltr>{card.email}</Ltr>
                </dd>
              </>
            )}
            {card.phone && (
              <>
                <dt>{t('cards.panel.phone')}</dt>
                <dd>
                  <Ltr>{card.phone}</Ltr>
                </dd>
              </>
            )}
          </dl>
          <p className="muted status-line" role="status" aria-live="polite">
            {notice}
          </p>
          <div className="card-panel__actions">
            <button
              type="button"
              className="button"
              data-testid="action-history"
              onClick={() => setOpen(open === 'history' ? 'none' : 'history')}
              aria-expanded={open === 'history'}
            >
              {t('cards.panel.viewHistory')}
            </button>
            <button type="button" className="button" data-testid="action-message" onClick={() => setOpen('message')}>
              {t('cards.panel.sendMessage')}
            </button>
            <a className="button" data-testid="action-issue-coupon" href={`#/issue-voucher?card=${card.id}`}>
              {t('cards.panel.issueCoupon')}
            </a>
            <button type="button" className="button" data-testid="action-adjust" onClick={() => setOpen('adjust')}>
              {t('cards.panel.adjustStamps')}
            </button>
          </div>
          {open === 'history' && <HistoryView cardId={card.id} version={version} />}
          {open === 'message' && (
            <MessageDialog
              card={card}
              onClose={() => setOpen('none')}
              onSent={() => {
                setOpen('none');
                setNotice(t('cards.message.sent'));
                setVersion((v) => v + 1);
              }}
            />
          )}
          {open === 'adjust' && (
            <AdjustStampsDialog
              card={card}
              onClose={() => setOpen('none')}
              onDone={() => {
                setOpen('none');
                setNotice(t('cards.adjust.done'));
                refresh();
              }}
            />
          )}
          {open === 'delete' && (
            <DeleteCardDialog
              card={card}
              onClose={() => setOpen('none')}
              onDeleted={() => {
                setOpen('none');
                onChanged('deleted');
              }}
            />
          )}
        </>
      )}
    </aside>
  );
}

function RewardStep({ card }: { card: CardDetails }) {
  const { t } = useTranslation();
  if (!card.reward) return null;
  return (
    <figure className="reward">
      {card.reward.image ? (
        <img className="reward__image" src={card.reward.image} alt="" width={96} height={96} />
      ) : (
        <div className="reward__image reward__image--empty" aria-hidden="true" />
      )}
      <figcaption>
        <span className="muted">{card.reward.reached ? t('cards.panel.currentReward') : t('cards.panel.nextReward')}</span>
        <strong>
          <bdi>{card.reward.title}</bdi>
        </strong>
        <span className="muted">{t('cards.panel.atStamps', { count: card.reward.stamps })}</span>
      </figcaption>
    </figure>
  );
}
