import { AppError } from '../../shared/api/errors';
import { codeSearchReadings } from '../../shared/domain/keyboard-layouts';
import { normalizeGeneratedInput, normalizeStaticInput } from '../../shared/domain/redeem-code';
import { matchingCardIdsSql } from '../db/repos/card-list.repo';
import type { VoucherQuery } from '../db/repos/vouchers.repo';
import { planSearch } from '../cards/search-plan';

export interface ListRequest extends Omit<VoucherQuery, 'codePrefixes' | 'customers'> {
  cursor?: string;
  limit?: number;
}

/**
 * What the search box of the Vouchers section asks for: the start of a code however it is typed, a part of
 * a title, or a part of the customer's name. Generated codes are stored without hyphens and with O→0,
 * I/L→1; POS codes upper case as typed; a whole code typed through a Thai, Korean or Persian layout is
 * found as the keys pressed. Names go through the card search index (trigrams for parts of 3+ characters,
 * the name's start for shorter ones), as in the card list.
 */
export function voucherQuery(request: ListRequest): VoucherQuery {
  const { cursor: _cursor, limit: _limit, ...filters } = request;
  if (!request.query) return filters;
  const codePrefixes = [normalizeGeneratedInput(request.query), normalizeStaticInput(request.query), ...codeSearchReadings(request.query)];
  const plan = planSearch(request.query);
  const names =
    plan && (plan.fts || plan.namePrefix)
      ? matchingCardIdsSql({ ...NO_MATCH, fts: plan.fts, alsoInName: plan.alsoInName, namePrefix: plan.namePrefix })
      : undefined;
  return { ...filters, codePrefixes, customers: names };
}

const NO_MATCH = {
  fts: null,
  alsoInName: [],
  namePrefix: null,
  emailPrefix: null,
  phonePrefixes: [],
  phoneSuffixReversed: null,
  idRanges: [],
  token: null,
  tokenPatterns: [],
};

/** A page cursor of the voucher lists: the id to continue before. */
export function readCursor(cursor: string | undefined): number | undefined {
  if (cursor === undefined) return undefined;
  const before = Number(cursor);
  if (!Number.isSafeInteger(before) || before < 1) throw new AppError('invalid_input', 'list.badCursor', { field: 'cursor' });
  return before;
}

/**
 * Up to this many matches, a search is listed from its matches (a cost that grows with them); beyond, from the
 * newest voucher down, which meets a page of them soon (a cost that grows with vouchers / matches). Measured at
 * a million vouchers: a code matching 21 took 229 ms walking from the newest and 0.2 ms from the matches; a
 * title matching 142,858 took 0.2 ms walking and 220 ms from the matches.
 */
export const MATCHES_FIRST_LIMIT = 20_000;

/** The query with its way of listing chosen from how many vouchers it matches (`total`, counted first). */
export function withListPlan(query: VoucherQuery, total: number): VoucherQuery {
  return query.query ? { ...query, matchesFirst: total <= MATCHES_FIRST_LIMIT } : query;
}
