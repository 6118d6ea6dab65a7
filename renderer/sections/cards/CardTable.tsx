import { useEffect, useRef, type KeyboardEvent } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useTranslation } from 'react-i18next';
import type { CardListItem, CardSort, CardSortSpec } from '../../../shared/schemas/cards';
import { PlatformIcons } from './PlatformIcons';
import { Ltr } from '../../components/Ltr';

interface CardTableProps {
  items: CardListItem[];
  hasMore: boolean;
  sort: CardSortSpec;
  selectedId: number | null;
  onSort(by: CardSort): void;
  onOpen(id: number): void;
  onNeedMore(): void;
}

const ROW_HEIGHT = 48;

/**
 * The card list: ID, User, Progress, Platform and an arrow to the details. Only the rows in view are
 * in the page (virtualized), so a million rows scroll smoothly; more are fetched near the end.
 * Keyboard: ↑/↓ move between rows, Enter opens one.
 */
export function CardTable({ items, hasMore, sort, selectedId, onSort, onOpen, onNeedMore }: CardTableProps) {
  const { t } = useTranslation();
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: items.length + (hasMore ? 1 : 0),
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const rows = virtualizer.getVirtualItems();
  const lastIndex = rows[rows.length - 1]?.index ?? 0;
  useEffect(() => {
    if (hasMore && lastIndex >= items.length - 20) onNeedMore();
  }, [lastIndex, hasMore, items.length, onNeedMore]);

  const focusRow = (index: number) => {
    if (index < 0 || index >= items.length) return;
    virtualizer.scrollToIndex(index);
    requestAnimationFrame(() => scroller.current?.querySelector<HTMLElement>(`[data-index="${index}"]`)?.focus());
  };
  const onKey = (event: KeyboardEvent, index: number, id: number) => {
    if (event.key === 'ArrowDown') focusRow(index + 1);
    else if (event.key === 'ArrowUp') focusRow(index - 1);
    else if (event.key === 'Enter' || event.key === ' ') onOpen(id);
    else return;
    event.preventDefault();
  };

  const header = (by: CardSort, label: string) => (
    <button
      type="button"
      className="table__sort"
      onClick={() => onSort(by)}
      aria-sort={sort.by === by ? (sort.direction === 'asc' ? 'ascending' : 'descending') : undefined}
    >
      {label}
      {sort.by === by && <span aria-hidden="true">{sort.direction === 'asc' ? ' ▲' : ' ▼'}</span>}
    </button>
  );

  return (
    <div className="table" role="table" aria-label={t('cards.title')} aria-rowcount={items.length + 1}>
      <div className="table__row table__row--head" role="row">
        <span role="columnheader" className="col-id">
          {header('id', t('cards.columns.id'))}
        </span>
        <span role="columnheader" className="col-user">
          {header('name', t('cards.columns.user'))}
        </span>
        <span role="columnheader" className="col-progress">
          {header('progress', t('cards.columns.progress'))}
        </span>
        <span role="columnheader" className="col-platform">
          {t('cards.columns.platform')}
        </span>
        <span role="columnheader" className="col-open">
          <span className="visually-hidden">{t('cards.columns.open')}</span>
        </span>
      </div>
      <div className="table__body" ref={scroller} data-testid="card-rows">
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {rows.map((row) => {
            const card = items[row.index];
            if (!card) {
              return (
                <div key="more" className="table__row table__row--loading" style={{ transform: `translateY(${row.start}px)` }}>
                  {t('app.loading')}
                </div>
              );
            }
            return (
              <div
                key={card.id}
                role="row"
                tabIndex={0}
                data-index={row.index}
                data-card-id={card.id}
                aria-selected={card.id === selectedId}
                className={`table__row${card.id === selectedId ? ' table__row--selected' : ''}`}
                style={{ transform: `translateY(${row.start}px)` }}
                onClick={() => onOpen(card.id)}
                onKeyDown={(event) => onKey(event, row.index, card.id)}
              >
                <span role="cell" className="col-id">
                  <Ltr className="mono">{card.id}</Ltr>
                </span>
                <span role="cell" className="col-user">
                  <bdi>{card.name}</bdi>
                </span>
                <span role="cell" className="col-progress">
                  {t('cards.progressShort', { stamps: card.stamps, goal: card.goal })}
                </span>
                <span role="cell" className="col-platform">
                  <PlatformIcons platforms={card.platforms} />
                </span>
                <span role="cell" className="col-open">
                  <span aria-hidden="true" className="chevron">
                    ›
                  </span>
                  <span className="visually-hidden">{t('cards.columns.open')}</span>
                </span>
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
