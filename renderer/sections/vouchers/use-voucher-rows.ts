import { useCallback, useEffect, useState } from 'react';
import type { VoucherListRow } from '../../../shared/schemas/vouchers';
import { call } from '../../lib/api';
import type { VoucherListFilters } from './voucher-filters';

const PAGE = 50;

export interface VoucherRows {
  rows: VoucherListRow[];
  /** The search and filters the rows answer (the page's may be newer while an answer is on its way). */
  filters: VoucherListFilters;
  total: number | null;
  hasMore: boolean;
  error: unknown;
  loadMore(): Promise<void>;
  reload(): void;
}

/** The Vouchers list as rows (a batch is one), first page on every change of the filters, then more on demand. */
export function useVoucherRows(filters: VoucherListFilters): VoucherRows {
  const key = JSON.stringify(filters);
  const [state, setState] = useState<{ rows: VoucherListRow[]; filters: VoucherListFilters; total: number | null; cursor: string | null; error: unknown }>({
    rows: [],
    filters,
    total: null,
    cursor: null,
    error: null,
  });
  const [version, setVersion] = useState(0);

  useEffect(() => {
    let live = true;
    call('vouchers.listGrouped', { ...filters, limit: PAGE }).then(
      (page) => live && setState({ rows: page.rows, filters, total: page.total, cursor: page.nextCursor, error: null }),
      (error: unknown) => live && setState((s) => ({ ...s, error })),
    );
    return () => {
      live = false;
    };
  }, [key, version]); // filters are described by key

  const loadMore = useCallback(async () => {
    if (!state.cursor) return;
    try {
      const page = await call('vouchers.listGrouped', { ...filters, limit: PAGE, cursor: state.cursor });
      setState((s) => ({ ...s, rows: [...s.rows, ...page.rows], cursor: page.nextCursor }));
    } catch (error) {
      setState((s) => ({ ...s, error }));
    }
  }, [key, state.cursor]); // eslint-disable-line react-hooks/exhaustive-deps -- filters are described by key

  return {
    rows: state.rows,
    filters: state.filters,
    total: state.total,
    hasMore: state.cursor !== null,
    error: state.error,
    loadMore,
    reload: useCallback(() => setVersion((v) => v + 1), []),
  };
}
