import { useCallback, useEffect, useRef, useState } from 'react';
import type { CardFilter, CardListItem, CardSortSpec } from '../../../shared/schemas/cards';
import { call } from '../../lib/api';

export interface CardListState {
  items: CardListItem[];
  total: number | null;
  /** Whether the shown result is a search or filter (not the whole list): labels follow the result shown. */
  narrowed: boolean;
  loading: boolean;
  error: unknown;
  hasMore: boolean;
}

const PAGE = 60;

/**
 * The list behind the section: first page on every change of query, filter or order, more pages as
 * the user scrolls (keyset cursors). Each request carries a number; an answer to an older request
 * is dropped, so a slow old search never replaces a newer one.
 */
export function useCardList(query: string, filter: CardFilter, sort: CardSortSpec) {
  const [state, setState] = useState<CardListState>({ items: [], total: null, narrowed: false, loading: true, error: null, hasMore: false });
  const request = useRef(0);
  const cursor = useRef<string | null>(null);
  const loadingMore = useRef(false);
  const [version, setVersion] = useState(0);
  const key = JSON.stringify([query.trim(), filter, sort]);

  useEffect(() => {
    const id = ++request.current;
    const narrowed = query.trim() !== '' || emptyToUndefined(filter) !== undefined;
    setState((s) => ({ ...s, loading: true, error: null }));
    call('cards.search', { query: query.trim() || undefined, filter: emptyToUndefined(filter), sort, limit: PAGE }).then(
      (result) => {
        if (id !== request.current) return;
        cursor.current = result.nextCursor;
        setState({ items: result.items, total: result.total, narrowed, loading: false, error: null, hasMore: result.nextCursor !== null });
      },
      (error: unknown) => {
        if (id !== request.current) return;
        cursor.current = null;
        setState({ items: [], total: null, narrowed, loading: false, error, hasMore: false });
      },
    );
    // key stands for query, filter and sort
    // version forces a reload after a change (delete, import)
  }, [key, version]);

  const loadMore = useCallback(() => {
    if (!cursor.current || loadingMore.current) return;
    const id = request.current;
    loadingMore.current = true;
    call('cards.search', { query: query.trim() || undefined, filter: emptyToUndefined(filter), sort, limit: PAGE, cursor: cursor.current })
      .then(
        (result) => {
          if (id !== request.current) return;
          cursor.current = result.nextCursor;
          setState((s) => ({ ...s, items: [...s.items, ...result.items], hasMore: result.nextCursor !== null }));
        },
        (error: unknown) => id === request.current && setState((s) => ({ ...s, error })),
      )
      .finally(() => {
        loadingMore.current = false;
      });
  }, [key]);

  const reload = useCallback(() => setVersion((v) => v + 1), []);
  return { ...state, loadMore, reload };
}

function emptyToUndefined(filter: CardFilter): CardFilter | undefined {
  const entries = Object.entries(filter).filter(([, v]) => v !== undefined && !(Array.isArray(v) && v.length === 0));
  return entries.length > 0 ? (Object.fromEntries(entries) as CardFilter) : undefined;
}
