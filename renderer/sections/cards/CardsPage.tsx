import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CardSort, CardSortSpec } from '../../../shared/schemas/cards';
import { useSettings } from '../../app/SettingsContext';
import { EmptyState } from '../../components/EmptyState';
import { ErrorNotice } from '../../components/ErrorNotice';
import { FilterIcon } from '../../components/icons';
import { call } from '../../lib/api';
import { downloadText } from '../../lib/download';
import { formatNumber } from '../../lib/format';
import { hashParam } from '../../lib/hash-params';
import { useApiQuery } from '../../lib/use-api-query';
import { CardPanel } from './CardPanel';
import { CardTable } from './CardTable';
import { FilterChips } from './FilterChips';
import { FilterPanel } from './FilterPanel';
import { EMPTY_FILTER, activeChips, toApiFilter, type FilterForm } from './filter-model';
import { ImportDialog } from './ImportDialog';
import { useCardList } from './use-card-list';
import { useFirstRun } from './use-first-run';
import { Welcome } from './Welcome';

const DEFAULT_SORT: CardSortSpec = { by: 'id', direction: 'desc' };

/** Issued user cards ("User Stamp Cards"): every customer with a card, searchable, filterable, with details. */
export function CardsPage() {
  const { t, i18n } = useTranslation();
  const { settings } = useSettings();
  const [query, setQuery] = useState('');
  const [form, setForm] = useState<FilterForm>(EMPTY_FILTER);
  const [sort, setSort] = useState<CardSortSpec>(DEFAULT_SORT);
  const [filterOpen, setFilterOpen] = useState(false);
  const [importOpen, setImportOpen] = useState(false);
  // `#/cards?card=113772` (a voucher's result links back to its card) opens with that card's panel
  const [selected, setSelected] = useState<number | null>(() => cardFromAddress());
  const [notice, setNotice] = useState<string | null>(null);
  const [exportError, setExportError] = useState<unknown>(null);
  const templates = useApiQuery('templates.list', {});
  const filter = useMemo(() => toApiFilter(form, settings?.timeZone ?? 'UTC'), [form, settings?.timeZone]);
  const list = useCardList(query, filter, sort);
  const searching = query.trim() !== '' || activeChips(form).length > 0;
  const firstRun = useFirstRun();

  // Escape closes the details panel (a dialog open above it handles Escape itself)
  useEffect(() => {
    if (selected === null) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && !document.querySelector('dialog[open]')) setSelected(null);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [selected]);

  const onSort = useCallback(
    (by: CardSort) => setSort((s) => (s.by === by ? { by, direction: s.direction === 'asc' ? 'desc' : 'asc' } : { by, direction: by === 'name' ? 'asc' : 'desc' })),
    [],
  );

  const exportCsv = async () => {
    setExportError(null);
    try {
      const file = await call('cards.exportCsv', { query: query.trim() || undefined, filter });
      downloadText(file.fileName, file.csv);
      setNotice(t('cards.exported', { count: file.rows }));
    } catch (e) {
      setExportError(e);
    }
  };

  if (firstRun.state === 'checking') return null;
  // one import dialog for the welcome and the list: finishing an import from the welcome keeps its report open
  const importDialog = importOpen && (
    <ImportDialog
      onClose={() => setImportOpen(false)}
      onImported={() => {
        firstRun.finish();
        list.reload();
      }}
    />
  );
  if (firstRun.state === 'welcome') {
    return (
      <>
        <div className="welcome-page">
          <Welcome
            onDemoLoaded={(cards) => {
              firstRun.finish();
              setNotice(t('app.welcome.demoLoaded', { count: cards }));
              list.reload();
            }}
            onImport={() => setImportOpen(true)}
            onSkip={firstRun.skip}
          />
        </div>
        {importDialog}
      </>
    );
  }

  return (
    <>
      <div className={`cards-page${selected !== null ? ' cards-page--with-panel' : ''}`}>
        <div className="cards-page__main">
          <header className="page-header">
            <div>
              <h1 className="page-header__title">{t('cards.title')}</h1>
              <p className="page-header__subtitle" data-testid="cards-total" aria-live="polite">
                {list.total === null
                  ? '\u00a0'
                  : t(list.narrowed ? 'cards.totalFound' : 'cards.total', { count: list.total })}
              </p>
            </div>
            <div className="toolbar">
              <input
                type="search"
                className="input toolbar__search"
                placeholder={t('cards.search')}
                aria-label={t('cards.searchLabel')}
                value={query}
                maxLength={200}
                onChange={(e) => setQuery(e.target.value)}
              />
              <button
                type="button"
                className={`icon-button${filterOpen || activeChips(form).length ? ' icon-button--on' : ''}`}
                aria-label={t('cards.filter.title')}
                aria-expanded={filterOpen}
                data-testid="filter-toggle"
                onClick={() => setFilterOpen((o) => !o)}
              >
                <FilterIcon />
              </button>
              <select
                className="input toolbar__sort"
                aria-label={t('cards.sort.label')}
                value={`${sort.by}:${sort.direction}`}
                onChange={(e) => {
                  const [by, direction] = e.target.value.split(':') as [CardSort, 'asc' | 'desc'];
                  setSort({ by, direction });
                }}
              >
                {(['id:desc', 'id:asc', 'name:asc', 'name:desc', 'progress:desc', 'progress:asc', 'created:desc', 'created:asc', 'lastStamp:desc', 'lastStamp:asc'] as const).map(
                  (value) => (
                    <option key={value} value={value}>
                      {t(`cards.sort.${value.replace(':', '_')}`)}
                    </option>
                  ),
                )}
              </select>
              <button type="button" className="button" data-testid="import-button" onClick={() => setImportOpen(true)}>
                {t('cards.importButton')}
              </button>
              <button type="button" className="button" onClick={exportCsv} disabled={!list.total}>
                {t('cards.exportButton')}
              </button>
            </div>
          </header>
          {filterOpen && <FilterPanel value={form} templates={templates.data ?? []} onChange={setForm} onClose={() => setFilterOpen(false)} />}
          <FilterChips value={form} templates={templates.data ?? []} onChange={setForm} />
          <p className="muted status-line" role="status">
            {notice}
          </p>
          {exportError !== null && <ErrorNotice error={exportError} />}
          {list.error !== null && <ErrorNotice error={list.error} onRetry={list.reload} />}
          {!list.loading && list.error === null && list.items.length === 0 ? (
            searching ? (
              <EmptyState title={t('cards.noMatchTitle')}>
                <p>{t('cards.noMatchBody')}</p>
              </EmptyState>
            ) : (
              <EmptyState
                title={t('cards.emptyTitle')}
                action={
                  <button type="button" className="button button--primary" onClick={() => setImportOpen(true)}>
                    {t('cards.importButton')}
                  </button>
                }
              >
                <p>{t('cards.emptyBody')}</p>
              </EmptyState>
            )
          ) : (
            <CardTable
              items={list.items}
              hasMore={list.hasMore}
              sort={sort}
              selectedId={selected}
              onSort={onSort}
              onOpen={setSelected}
              onNeedMore={list.loadMore}
            />
          )}
        </div>
        {selected !== null && (
          <CardPanel
            key={selected}
            id={selected}
            onClose={() => setSelected(null)}
            onChanged={(kind) => {
              if (kind === 'deleted') {
                setNotice(t('cards.deleted', { id: selected }));
                setSelected(null);
              }
              list.reload();
            }}
          />
        )}
      </div>
      {importDialog}
    </>
  );
}

function cardFromAddress(): number | null {
  const id = Number(hashParam('card'));
  return Number.isSafeInteger(id) && id > 0 ? id : null;
}
