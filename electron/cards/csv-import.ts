import crypto from 'node:crypto';
import type { ImportReport } from '../../shared/schemas/cards';
import type { OperationProgress } from '../../shared/schemas/operations';
import type { Db } from '../db/client';
import {
  createImportWriter,
  findCardsForImport,
  templateGoals,
  withSearchMaintainedAfter,
  type ExistingCard,
} from '../db/repos/card-import.repo';
import { addWireEvent } from '../db/repos/events.repo';
import { enqueueOutboxMany } from '../db/repos/outbox.repo';
import { cardTokenOf, wireCardOf } from '../db/repos/sync-wire.repo';
import type { WireEvent, WireOperation } from '../../shared/schemas/sync-protocol';
import { runPaced, runWriteJob, runWriteNow } from '../db/write-job';
import { getSettings } from '../settings/settings-service';
import type { CallContext } from '../core/handler-types';
import { readImportCsv, rejectedRow, type ImportRow, type ParsedImport } from './csv-import-rows';

const MAX_REJECTED_LISTED = 1000;
/** From this many rows on, an import is written as a write job (turns of the event loop between steps). */
export const LARGE_IMPORT_ROWS = 2_000;
/** Rows written between two progress reports. */
const ROWS_PER_STEP = 64;
/** Rows compared with the stored cards between two progress reports. */
const PLAN_ROWS_PER_STEP = 2_000;

interface ImportPlan {
  inserts: ImportRow[];
  updates: Array<{ row: ImportRow; current: ExistingCard }>;
  newVersions: Map<string, number>;
  rejected: ImportReport['rejected'];
  skipped: number;
}

/**
 * Imports cards from CSV. A dry run reports what would happen and writes nothing; a real run writes every
 * accepted row in one transaction (all or nothing). Rows identical to the card already stored are skipped; rows
 * that cannot be used are rejected with their line and reason.
 *
 * A large file never freezes the app: it is read, checked and written in steps with turns of the event loop
 * between them, the writing as a write job on a connection of its own (electron/db/write-job.ts), and reports
 * its progress through `ctx.progress`.
 */
export async function importCardsCsv(db: Db, csv: string, dryRun: boolean, ctx: CallContext): Promise<ImportReport> {
  const now = ctx.now();
  const paced = { onProgress: ctx.progress };
  const parsed = await runPaced(readImportCsv(csv, getSettings(db).timeZone, now), paced);
  const ids = parsed.rows.map((r) => r.cardId);

  if (dryRun) {
    // reads only, on the app's connection: its answer is what the import would do now
    const existing = await runPaced(findCardsForImport(db, ids), paced);
    return reportOf(parsed, await runPaced(planImport(parsed, existing, templateGoals(db)), paced), true);
  }
  // the real run decides what to write inside its own transaction, so nothing can change in between
  const steps = (writeDb: Db) => writeImport(writeDb, parsed, ids, now, ctx.seat);
  const plan = parsed.rows.length >= LARGE_IMPORT_ROWS ? await runWriteJob(db, steps, paced) : runWriteNow(db, steps);
  return reportOf(parsed, plan, false);
}

function* writeImport(db: Db, parsed: ParsedImport, ids: number[], now: number, seat: string): Generator<OperationProgress, ImportPlan, void> {
  const existing = yield* findCardsForImport(db, ids);
  const plan = yield* planImport(parsed, existing, templateGoals(db));
  const { inserts, updates, newVersions } = plan;
  if (inserts.length === 0 && updates.length === 0) return plan;
  const total = inserts.length + updates.length;
  const touched = [...inserts.map((r) => r.cardId), ...updates.map((u) => u.row.cardId)];

  function* write(): Generator<OperationProgress, void, void> {
    const writer = createImportWriter(db);
    for (const [key, goal] of newVersions) {
      const [templateId, version] = key.split(':').map(Number) as [number, number];
      writer.ensureTemplateVersion(templateId, version, goal, now);
    }
    const tokens = crypto.randomBytes(16 * inserts.length);
    // each card's outbox entries, written with it: card.created for a new card; card.profile and card.stamps for a
    // changed one (its template, goal, wallets and dates have no operation: the cloud keeps its own)
    const entries: Array<{ operation: WireOperation; events: WireEvent[] }> = [];
    for (const [i, row] of inserts.entries()) {
      const token = tokens.subarray(i * 16, i * 16 + 16).toString('base64url');
      writer.insertCard(row, token, now);
      const issued = addWireEvent(db, { cardId: row.cardId, type: 'card_issued', seat, at: now, data: { source: 'import', line: row.line } }, { cardToken: token, voucherToken: null });
      entries.push({ operation: { kind: 'card.created', card: wireCardOf(db, row.cardId) }, events: [issued.event] });
      if ((i + 1) % ROWS_PER_STEP === 0) {
        enqueueOutboxMany(db, entries.splice(0), now);
        yield { stage: 'writing', done: i + 1, total };
      }
    }
    for (const [i, { row, current }] of updates.entries()) {
      writer.updateCard(row, current.customerId);
      const cardToken = cardTokenOf(db, row.cardId)!;
      if (row.name !== current.name || row.email !== current.email || row.phone !== current.phone) {
        const fields = { name: row.name, email: row.email, phone: row.phone };
        entries.push({ operation: { kind: 'card.profile', cardToken, fields, at: now, seat }, events: [] });
      }
      if (row.stamps !== current.stamps) {
        const delta = row.stamps - current.stamps;
        const stamped = addWireEvent(
          db,
          { cardId: row.cardId, type: 'stamp_added', seat, at: now, data: { count: delta, stamps: row.stamps, reason: 'import', line: row.line } },
          { cardToken, voucherToken: null },
        );
        entries.push({ operation: { kind: 'card.stamps', cardToken, delta, reason: 'import', at: now, seat }, events: [stamped.event] });
      }
      if ((i + 1) % ROWS_PER_STEP === 0) {
        enqueueOutboxMany(db, entries.splice(0), now);
        yield { stage: 'writing', done: inserts.length + i + 1, total };
      }
    }
    enqueueOutboxMany(db, entries.splice(0), now);
    yield { stage: 'writing', done: total, total };
  }
  yield* withSearchMaintainedAfter(db, touched, write());
  return plan;
}

/** What to do with each accepted row, against the cards stored now (in steps of a few thousand rows). */
function* planImport(parsed: ParsedImport, existing: Map<number, ExistingCard>, goals: Map<string, number>): Generator<OperationProgress, ImportPlan, void> {
  const plan: ImportPlan = { inserts: [], updates: [], newVersions: new Map(), rejected: [...parsed.rejected], skipped: 0 };
  for (const [i, row] of parsed.rows.entries()) {
    if (i % PLAN_ROWS_PER_STEP === 0) yield { stage: 'reading', done: i, total: parsed.rows.length };
    const versionKey = `${row.templateId}:${row.templateVersion}`;
    const knownGoal = goals.get(versionKey) ?? plan.newVersions.get(versionKey);
    if (knownGoal !== undefined && knownGoal !== row.goal) {
      plan.rejected.push(rejectedRow(row.line, { key: 'goalDiffers', params: { goal: row.goal, templateId: row.templateId, version: row.templateVersion, knownGoal } }));
      continue;
    }
    const current = existing.get(row.cardId);
    if (current?.deletedAt != null) {
      plan.rejected.push(rejectedRow(row.line, { key: 'deletedCard', params: { id: row.cardId } }));
      continue;
    }
    if (knownGoal === undefined) plan.newVersions.set(versionKey, row.goal);
    if (!current) plan.inserts.push(row);
    else if (sameCard(row, current)) plan.skipped++;
    else plan.updates.push({ row, current });
  }
  plan.rejected.sort((a, b) => a.line - b.line);
  return plan;
}

function reportOf(parsed: ParsedImport, plan: ImportPlan, dryRun: boolean): ImportReport {
  return {
    dryRun,
    rows: parsed.total,
    imported: plan.inserts.length,
    updated: plan.updates.length,
    skipped: plan.skipped,
    rejected: plan.rejected.slice(0, MAX_REJECTED_LISTED),
    templateVersionsCreated: plan.newVersions.size,
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
