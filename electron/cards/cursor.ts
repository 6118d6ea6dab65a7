import { AppError } from '../../shared/api/errors';

/**
 * Keyset-paging cursors: the sort key of the last row shown (and the total, so later pages need not
 * count again), base64url-encoded. A cursor from another sort order is refused.
 */
export interface ListCursor {
  sort: string;
  after: Array<string | number>;
  total: number;
}

export function encodeCursor(cursor: ListCursor): string {
  return Buffer.from(JSON.stringify(cursor), 'utf8').toString('base64url');
}

export function decodeCursor(raw: string, sort: string, keyLength: number): ListCursor {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
  } catch {
    throw invalid();
  }
  const cursor = parsed as Partial<ListCursor> | null;
  if (
    !cursor ||
    cursor.sort !== sort ||
    !Array.isArray(cursor.after) ||
    cursor.after.length !== keyLength ||
    !cursor.after.every((v) => (typeof v === 'number' && Number.isFinite(v)) || (typeof v === 'string' && v.length <= 1000)) ||
    typeof cursor.total !== 'number'
  ) {
    throw invalid();
  }
  return cursor as ListCursor;
}

function invalid(): AppError {
  return new AppError('invalid_input', 'list.badCursor', { field: 'cursor' });
}
