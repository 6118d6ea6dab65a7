import crypto from 'node:crypto';
import { AppError } from '../../shared/api/errors';
import type { CardFilter, CardsSearchInput, CardsSearchResult } from '../../shared/schemas/cards';
import type { Db } from '../db/client';
import {
  cardsByIds,
  countCards,
  countMatching,
  isIdsOnlySearch,
  listCardsPage,
  matchingIdsPage,
  SORT_KEYS,
  type CardListRow,
} from '../db/repos/card-list.repo';
import { toListItem } from './card-view';
import { decodeCursor, encodeCursor } from './cursor';
import { phoneSearchCountry } from '../db/repos/phone-search.repo';
import { planSearch, type SearchPlan } from './search-plan';

const DEFAULT_LIMIT = 50;

/** cards.search: one page of the list, searched, filtered and sorted, with the total. */
export function searchCards(db: Db, input: CardsSearchInput): CardsSearchResult {
  checkFilter(input.filter);
  const sort = input.sort ?? { by: 'id', direction: 'desc' };
  const limit = input.limit ?? DEFAULT_LIMIT;
  const { plan, matches } = resolveSearch(db, input.query);
  // a cursor belongs to one query, filter and order
  const tag = crypto
    .createHash('sha256')
    .update(JSON.stringify([sort.by, sort.direction, input.query?.trim() ?? '', input.filter ?? {}]))
    .digest('base64url')
    .slice(0, 16);
  const cursor = input.cursor ? decodeCursor(input.cursor, tag, SORT_KEYS[sort.by].length) : null;

  let rows: CardListRow[];
  let total: number;
  if (sort.by === 'id' && isIdsOnlySearch(plan, input.filter)) {
    const ids = matchingIdsPage(db, plan, sort.direction, cursor?.after[0] as number | undefined, limit + 1);
    rows = cardsByIds(db, ids, sort.direction);
    total = cursor ? cursor.total : (matches ?? countMatching(db, plan));
  } else {
    rows = listCardsPage(db, { match: plan, filter: input.filter, sort: sort.by, direction: sort.direction, after: cursor?.after, limit: limit + 1 });
    total = cursor ? cursor.total : countCards(db, plan, input.filter);
  }
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    items: page.map(toListItem),
    nextCursor: rows.length > limit && last ? encodeCursor({ sort: tag, after: last.key, total }) : null,
    total,
  };
}

/**
 * The index lookups for a query. A plain word searches e-mails only when it matches no name, phone
 * or card number; the count made to decide that is handed on (`matches`) so it is not made twice.
 */
export function resolveSearch(db: Db, query: string | undefined): { plan: SearchPlan | null; matches: number | null } {
  // numbers typed without a country code are read in the country the stored ones were read in
  const plan = planSearch(query ?? '', phoneSearchCountry(db) ?? '');
  if (!plan?.emailFallback) return { plan, matches: null };
  const others =
    plan.fts || plan.namePrefix || plan.phonePrefixes.length > 0 || plan.idRanges.length > 0 || plan.token || plan.tokenPatterns.length > 0
      ? countMatching(db, plan)
      : 0;
  if (others > 0) return { plan, matches: others };
  return { plan: { ...plan, emailPrefix: plan.emailFallback }, matches: null };
}

function checkFilter(filter: CardFilter | undefined): void {
  if (!filter) return;
  if (filter.templateVersion !== undefined && filter.templateId === undefined) {
    throw new AppError('invalid_input', 'filter.versionWithoutTemplate', { field: 'filter.templateVersion' });
  }
  if (filter.createdFrom !== undefined && filter.createdTo !== undefined && filter.createdFrom >= filter.createdTo) {
    throw new AppError('invalid_input', 'filter.createdRange', { field: 'filter.createdTo' });
  }
  if (filter.lastStampFrom !== undefined && filter.lastStampTo !== undefined && filter.lastStampFrom >= filter.lastStampTo) {
    throw new AppError('invalid_input', 'filter.lastStampRange', { field: 'filter.lastStampTo' });
  }
}
