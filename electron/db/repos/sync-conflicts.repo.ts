import type { Db } from '../client';
import type { ErrorKey } from '../../../shared/i18n/keys';
import type { SyncConflict, SyncConflictKind } from '../../../shared/schemas/sync';
import { AppError } from '../../../shared/api/errors';

/** The conflicts list: changes the cloud did not take as made, newest first. */

const COLUMNS = `id, kind, operation, at, seat, card_token AS cardToken, voucher_token AS voucherToken, label, reason_key AS reasonKey,
  reason_params AS reasonParams, detail, created_at AS createdAt, seen_at AS seenAt`;

interface ConflictRow extends Omit<SyncConflict, 'reason' | 'detail'> {
  reasonKey: string;
  reasonParams: string;
  detail: string | null;
}

export interface NewConflict {
  kind: SyncConflictKind;
  entrySeq: number | null;
  operation: string;
  at: number;
  seat: string;
  cardToken: string | null;
  voucherToken: string | null;
  label: string | null;
  reason: { key: string; params: Record<string, string | number> };
  detail: Record<string, unknown> | null;
}

export function insertConflict(db: Db, conflict: NewConflict, now: number): number {
  const result = db
    .prepare(
      `INSERT INTO sync_conflicts (kind, entry_seq, operation, at, seat, card_token, voucher_token, label, reason_key, reason_params, detail, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      conflict.kind,
      conflict.entrySeq,
      conflict.operation,
      conflict.at,
      conflict.seat,
      conflict.cardToken,
      conflict.voucherToken,
      conflict.label,
      conflict.reason.key,
      JSON.stringify(conflict.reason.params),
      conflict.detail ? JSON.stringify(conflict.detail) : null,
      now,
    );
  return Number(result.lastInsertRowid);
}

/** Whether a conflict was already recorded for this entry (an outcome heard twice, by push and by pull). */
export function hasConflictForEntry(db: Db, entrySeq: number): boolean {
  return db.prepare('SELECT 1 FROM sync_conflicts WHERE entry_seq = ?').get(entrySeq) !== undefined;
}

export function listConflicts(db: Db, includeSeen: boolean): SyncConflict[] {
  const rows = db
    .prepare(`SELECT ${COLUMNS} FROM sync_conflicts ${includeSeen ? '' : 'WHERE seen_at IS NULL'} ORDER BY id DESC LIMIT 1000`)
    .all() as ConflictRow[];
  return rows.map(toConflict);
}

/** Marks a conflict as looked at (again: the first time stands). */
export function markConflictSeen(db: Db, id: number, now: number): SyncConflict {
  db.prepare('UPDATE sync_conflicts SET seen_at = coalesce(seen_at, ?) WHERE id = ?').run(now, id);
  const row = db.prepare(`SELECT ${COLUMNS} FROM sync_conflicts WHERE id = ?`).get(id) as ConflictRow | undefined;
  if (!row) throw new AppError('not_found', 'sync.conflictNotFound', { field: 'id', params: { id } });
  return toConflict(row);
}

export function unseenConflictCount(db: Db): number {
  return db.prepare('SELECT count(*) FROM sync_conflicts WHERE seen_at IS NULL').pluck().get() as number;
}

function toConflict(row: ConflictRow): SyncConflict {
  const { reasonKey, reasonParams, detail, ...rest } = row;
  return {
    ...rest,
    reason: { key: reasonKey as ErrorKey, params: JSON.parse(reasonParams) as Record<string, string | number> },
    detail: detail === null ? null : (JSON.parse(detail) as Record<string, unknown>),
  };
}
