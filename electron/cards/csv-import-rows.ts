import { AppError } from '../../shared/api/errors';
import type { ErrorKey } from '../../shared/i18n/keys';
import { englishText, type TranslationParams } from '../../shared/i18n/translator';
import { PLATFORMS, platformsToMask, type Platform } from '../../shared/domain/platforms';
import { phoneDigits } from '../../shared/domain/normalize';
import { parseDateTime } from '../../shared/domain/zoned-time';
import { hasNul, looksLikeFormula, withoutBidiControls } from '../../shared/domain/text-hygiene';
import { IMPORT_COLUMNS, type ImportReasonKey, type RejectedRow } from '../../shared/schemas/cards';
import { CsvError, readCsv } from '../csv/parse-csv';
import type { ImportCardValues } from '../db/repos/card-import.repo';
import type { OperationProgress } from '../../shared/schemas/operations';

/** Why a row was rejected: a key of the `cards.importReasons` catalogue area and its values. */
export interface RowRejection {
  key: ImportReasonKey;
  params?: TranslationParams;
}

/** A parsed row, with the line it came from for error messages. */
export interface ImportRow extends ImportCardValues {
  line: number;
}

export interface ParsedImport {
  rows: ImportRow[];
  rejected: RejectedRow[];
  /** Data rows in the file (valid or not). */
  total: number;
}

const MAX_ROWS = 500_000;
const EMAIL = /^[^\s@]{1,64}@[^\s@]{1,190}\.[^\s@]{1,63}$/;

/**
 * Reads an import file into checked rows. Problems with the file itself (encoding, quoting, header,
 * size) refuse the whole file with an `invalid_input` error on `csv`; problems with one row reject
 * that row, with its line and the reason. A NUL in the header means a UTF-16 or binary file (refused); a NUL
 * in a row's cell rejects that row. Bidi embedding, override and isolate controls are dropped from every
 * cell, as the forms drop them from names (shared/schemas/common.ts).
 */
export function parseImportCsv(csv: string, timeZone: string, now: number): ParsedImport {
  const reading = readImportCsv(csv, timeZone, now);
  for (;;) {
    const next = reading.next();
    if (next.done) return next.value;
  }
}

/** Records read between two progress reports (a turn of the event loop may come at each). */
const RECORDS_PER_STEP = 250;

/**
 * parseImportCsv in steps: yields how far it is (lines of the file) every few hundred records, so a large file
 * is read with turns of the event loop between them (electron/db/write-job.ts `runPaced`).
 */
export function* readImportCsv(csv: string, timeZone: string, now: number): Generator<OperationProgress, ParsedImport, void> {
  if (csv.includes('\ufffd')) {
    throw fileError('import.notUtf8');
  }
  const text = csv.startsWith('\ufeff') ? csv.slice(1) : csv;
  const records = readCsv(text, { maxColumns: 50, maxFieldLength: 10_000 });
  const parsed: ParsedImport = { rows: [], rejected: [], total: 0 };
  let columns: Map<string, number> | null = null;
  const seen = new Map<number, number>();
  const lines = lineCount(text);
  try {
    for (const record of records) {
      if (!columns) {
        columns = readHeader(record.fields);
        continue;
      }
      parsed.total++;
      if (parsed.total > MAX_ROWS) throw fileError('import.tooManyRows', { max: MAX_ROWS });
      if (parsed.total % RECORDS_PER_STEP === 0) yield { stage: 'reading', done: record.line, total: lines };
      const result = readRow(record.fields, columns, timeZone, now);
      if ('key' in result) {
        parsed.rejected.push(rejectedRow(record.line, result));
        continue;
      }
      const earlier = seen.get(result.cardId);
      if (earlier !== undefined) {
        parsed.rejected.push(rejectedRow(record.line, { key: 'duplicateCard', params: { id: result.cardId, line: earlier } }));
        continue;
      }
      seen.set(result.cardId, record.line);
      parsed.rows.push({ ...result, line: record.line });
    }
  } catch (error) {
    if (error instanceof CsvError) {
      throw new AppError('invalid_input', `import.${error.problem}`, { field: 'csv', params: { line: error.line, ...(error.max ? { max: error.max } : {}) } });
    }
    throw error;
  }
  if (!columns) throw fileError('import.empty', { columns: IMPORT_COLUMNS.join(', ') });
  return parsed;
}

function lineCount(text: string): number {
  let count = 1;
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) count++;
  return count;
}

function fileError(key: ErrorKey, params?: TranslationParams): AppError {
  return new AppError('invalid_input', key, { field: 'csv', params });
}

/** A rejected row for the report: the reason's key and values, and its English sentence. */
export function rejectedRow(line: number, rejection: RowRejection): RejectedRow {
  const params = rejection.params ?? {};
  return { line, reason: englishText(`cards.importReasons.${rejection.key}`, params), key: rejection.key, params };
}

function readHeader(fields: string[]): Map<string, number> {
  if (fields.some(hasNul)) throw fileError('import.notUtf8');
  const names = fields.map((f) => f.trim().toLowerCase());
  const unknown = names.filter((n) => !(IMPORT_COLUMNS as readonly string[]).includes(n));
  const missing = IMPORT_COLUMNS.filter((c) => !names.includes(c) && c !== 'email' && c !== 'phone' && c !== 'last_stamp_at');
  if (missing.length > 0) throw fileError('import.missingColumns', { names: missing.join(', '), columns: IMPORT_COLUMNS.join(', ') });
  if (unknown.length > 0) {
    const names = unknown.slice(0, 5).map((u) => `"${u.slice(0, 40)}"`).join(', ');
    throw fileError('import.unknownColumns', { names, columns: IMPORT_COLUMNS.join(', ') });
  }
  const duplicate = names.find((n, i) => names.indexOf(n) !== i);
  if (duplicate) throw fileError('import.duplicateColumn', { column: duplicate });
  return new Map(names.map((n, i) => [n, i]));
}

/**
 * One cell, trimmed and without bidi controls. A spreadsheet-safe export writes '+66…, '=… or '＝… (see
 * electron/csv/write-csv.ts); read those back without the apostrophe.
 */
function cell(fields: string[], columns: Map<string, number>, name: string): string {
  const index = columns.get(name);
  const value = index === undefined ? '' : withoutBidiControls(fields[index] ?? '').trim();
  return value.startsWith("'") && looksLikeFormula(value.slice(1)) ? value.slice(1) : value;
}

function wholeNumber(value: string, min: number, max: number): number | null {
  if (!/^\d{1,15}$/.test(value)) return null;
  const n = Number(value);
  return n >= min && n <= max ? n : null;
}

function readRow(fields: string[], columns: Map<string, number>, zone: string, now: number): Omit<ImportRow, 'line'> | RowRejection {
  if (fields.length !== columns.size) return { key: 'fieldCount', params: { expected: columns.size, found: fields.length } };
  const nulAt = fields.findIndex(hasNul);
  if (nulAt !== -1) return { key: 'nulCharacter', params: { column: [...columns.keys()][nulAt]! } };
  const get = (name: string) => cell(fields, columns, name);

  const cardId = wholeNumber(get('card_id'), 1, 999_999_999_999);
  if (cardId === null) return { key: 'cardId' };
  const name = get('name');
  if (!name) return { key: 'nameEmpty' };
  if (name.length > 200) return { key: 'nameTooLong', params: { max: 200 } };
  const email = get('email') || null;
  if (email && (email.length > 254 || !EMAIL.test(email))) return { key: 'email', params: { value: email.slice(0, 60) } };
  const phone = get('phone') || null;
  if (phone && (phone.length > 40 || phoneDigits(phone).length < 3)) return { key: 'phone', params: { value: phone.slice(0, 40) } };
  const templateId = wholeNumber(get('template_id'), 1, 999_999_999_999);
  if (templateId === null) return { key: 'templateId' };
  const templateVersion = wholeNumber(get('template_version').replace(/^v/i, ''), 1, 1_000_000);
  if (templateVersion === null) return { key: 'templateVersion' };
  const goal = wholeNumber(get('goal'), 1, 1000);
  if (goal === null) return { key: 'goal' };
  const stamps = wholeNumber(get('stamps'), 0, 1000);
  if (stamps === null) return { key: 'stamps' };
  if (stamps > goal) return { key: 'stampsOverGoal', params: { stamps, goal } };

  const platformText = get('platforms').toLowerCase();
  const platformNames = platformText === '' ? ['web'] : platformText.split('|').map((p) => p.trim());
  const bad = platformNames.find((p) => !(PLATFORMS as readonly string[]).includes(p));
  if (bad !== undefined) return { key: 'platform', params: { value: bad.slice(0, 20) } };

  const createdText = get('created_at');
  const createdAt = createdText ? parseDateTime(createdText, zone) : now;
  if (createdAt === null) return { key: 'createdAt', params: { value: createdText.slice(0, 40) } };
  if (createdAt > now + 86_400_000) return { key: 'createdFuture' };
  const lastText = get('last_stamp_at');
  const lastStampAt = lastText ? parseDateTime(lastText, zone) : null;
  if (lastText && lastStampAt === null) return { key: 'lastStampAt', params: { value: lastText.slice(0, 40) } };
  if (lastStampAt !== null && lastStampAt > now + 86_400_000) return { key: 'lastStampFuture' };

  return {
    cardId,
    name,
    email,
    phone,
    templateId,
    templateVersion,
    stamps,
    goal,
    platforms: platformsToMask(platformNames as Platform[]),
    createdAt,
    lastStampAt,
  };
}
