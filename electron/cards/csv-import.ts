import crypto from 'node:crypto';
import type { ImportReport } from '../../shared/schemas/cards';
import type { Db } from '../db/client';
import {
  createImportWriter,
  findCardsForImport,
  templateGoals,
  withSearchMaintainedAfter,
  type ExistingCard,
} from '../db/repos/card-import.repo';
import { insertEvent } from '../db/repos/events.repo';
import { getSettings } from '../settings/settings-service';
import type { CallContext } from '../core/handler-types';
import { parseImportCsv, rejectedRow, type ImportRow } from './csv-import-rows';

const MAX_REJECTED_LISTED = 1000;

/**
 * Imports cards from CSV. A dry run reports what would happen and writes nothing; a real run writes
 * every accepted row in one transaction (all or nothing). Rows identical to the card already stored
 * are skipped; rows that cannot be used are rejected with their line and reason.
 */
export function importCardsCsv(db: Db, csv: string, dryRun: boolean, ctx: CallContext): ImportReport {
  const now = ctx.now();
  const parsed = parseImportCsv(csv, getSettings(db).timeZone, now);
  const existing = findCardsForImport(db, parsed.rows.map((r) => r.cardId));
  const goals = templateGoals(db);
  const newVersions = new Map<string, number>();
  const inserts: ImportRow[] = [];
  const updates: Array<{ row: ImportRow; current: ExistingCard }> = [];
  const rejected = [...parsed.rejected];
  let skipped = 0;

  for (const row of parsed.rows) {
    const versionKey = `${row.templateId}:${row.templateVersion}`;
    const knownGoal = goals.get(versionKey) ?? newVersions.get(versionKey);
    if (knownGoal !== undefined && knownGoal !== row.goal) {
      rejected.push(rejectedRow(row.line, { key: 'goalDiffers', params: { goal: row.goal, templateId: row.templateId, version: row.templateVersion, knownGoal } }));
      continue;
    }
    const current = existing.get(row.cardId);
    if (current?.deletedAt != null) {
      rejected.push(rejectedRow(row.line, { key: 'deletedCard', params: { id: row.cardId } }));
      continue;
    }
    if (knownGoal === undefined) newVersions.set(versionKey, row.goal);
    if (!current) inserts.push(row);
    else if (sameCard(row, current)) skipped++;
    else updates.push({ row, current });
  }
  rejected.sort((a, b) => a.line - b.line);

  if (!dryRun && (inserts.length > 0 || updates.length > 0)) {
    const touched = [...inserts.map((r) => r.cardId), ...updates.map((u) => u.row.cardId)];
    db.tx(() => withSearchMaintainedAfter(db, touched, () => {
      const writer = createImportWriter(db);
      for (const [key, goal] of newVersions) {
        const [templateId, version] = key.split(':').map(Number) as [number, number];
        writer.ensureTemplateVersion(templateId, version, goal, now);
      }
      const tokens = crypto.randomBytes(16 * inserts.length);
      for (const [i, row] of inserts.entries()) {
        writer.insertCard(row, tokens.subarray(i * 16, i * 16 + 16).toString('base64url'), now);
        insertEvent(db, { cardId: row.cardId, type: 'card_issued', seat: ctx.seat, at: now, data: { source: 'import', line: row.line } });
      }
      for (const { row, current } of updates) {
        writer.updateCard(row, current.customerId);
        if (row.stamps !== current.stamps) {
          insertEvent(db, {
            cardId: row.cardId,
            type: 'stamp_added',
            seat: ctx.seat,
            at: now,
            data: { count: row.stamps - current.stamps, stamps: row.stamps, reason: 'import', line: row.line },
          });
        }
      }
    }));
  }

  return {
    dryRun,
    rows: parsed.total,
    imported: inserts.length,
    updated: updates.length,
    skipped,
    rejected: rejected.slice(0, MAX_REJECTED_LISTED),
    templateVersionsCreated: newVersions.size,
  };
}

function sameCard(row: ImportRow, card: ExistingCard): boolean {
  return (
    row.name === card.name &&
    row.email === card.email &&
    row.phone === card.phone &&
    row.templateId === card.templateId &&
    row.templateVersion === card.templateVersion &&
    row.stamps === card.stamps &&
    row.goal === card.goal &&
    row.platforms === card.platforms &&
    row.createdAt === card.createdAt &&
    row.lastStampAt === card.lastStampAt
  );
}
