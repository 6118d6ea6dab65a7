import { AppError } from '../../shared/api/errors';
import { PLATFORMS, platformsToMask, type Platform } from '../../shared/domain/platforms';
import { phoneDigits } from '../../shared/domain/normalize';
import { parseDateTime } from '../../shared/domain/zoned-time';
import { IMPORT_COLUMNS } from '../../shared/schemas/cards';
import { CsvError, readCsv } from '../csv/parse-csv';
import type { ImportCardValues } from '../db/repos/card-import.repo';

/** A parsed row, with the line it came from for error messages. */
export interface ImportRow extends ImportCardValues {
  line: number;
}

export interface ParsedImport {
  rows: ImportRow[];
  rejected: Array<{ line: number; reason: string }>;
  /** Data rows in the file (valid or not). */
  total: number;
}

const MAX_ROWS = 500_000;
const EMAIL = /^[^\s@]{1,64}@[^\s@]{1,190}\.[^\s@]{1,63}$/;

/**
 * Reads an import file into checked rows. Problems with the file itself (encoding, quoting, header,
 * size) refuse the whole file with an `invalid_input` error on `csv`; problems with one row reject
 * that row, with its line and the reason.
 */
export function parseImportCsv(csv: string, timeZone: string, now: number): ParsedImport {
  if (csv.includes('\ufffd') || csv.includes('\u0000')) {
    throw fileError('The file is not UTF-8 text (it has characters that could not be read). Save it as "CSV UTF-8" and try again.');
  }
  const text = csv.startsWith('\ufeff') ? csv.slice(1) : csv;
  const records = readCsv(text, { maxColumns: 50, maxFieldLength: 10_000 });
  const parsed: ParsedImport = { rows: [], rejected: [], total: 0 };
  let columns: Map<string, number> | null = null;
  const seen = new Map<number, number>();
  try {
    for (const record of records) {
      if (!columns) {
        columns = readHeader(record.fields);
        continue;
      }
      parsed.total++;
      if (parsed.total > MAX_ROWS) throw fileError(`The file has more than ${MAX_ROWS.toLocaleString('en')} rows; split it into smaller files.`);
      const result = readRow(record.fields, columns, timeZone, now);
      if (typeof result === 'string') {
        parsed.rejected.push({ line: record.line, reason: result });
        continue;
      }
      const earlier = seen.get(result.cardId);
      if (earlier !== undefined) {
        parsed.rejected.push({ line: record.line, reason: `card ${result.cardId} is already on line ${earlier}` });
        continue;
      }
      seen.set(result.cardId, record.line);
      parsed.rows.push({ ...result, line: record.line });
    }
  } catch (error) {
    if (error instanceof CsvError) throw fileError(`${error.message} Nothing was imported.`);
    throw error;
  }
  if (!columns) throw fileError('The file is empty. The first line must name the columns: ' + IMPORT_COLUMNS.join(', ') + '.');
  return parsed;
}

function fileError(message: string): AppError {
  return new AppError('invalid_input', message, 'csv');
}

function readHeader(fields: string[]): Map<string, number> {
  const names = fields.map((f) => f.trim().toLowerCase());
  const unknown = names.filter((n) => !(IMPORT_COLUMNS as readonly string[]).includes(n));
  const missing = IMPORT_COLUMNS.filter((c) => !names.includes(c) && c !== 'email' && c !== 'phone' && c !== 'last_stamp_at');
  if (unknown.length > 0 || missing.length > 0) {
    const parts = [
      unknown.length > 0 ? `unknown column${unknown.length > 1 ? 's' : ''} ${unknown.slice(0, 5).map((u) => `"${u.slice(0, 40)}"`).join(', ')}` : '',
      missing.length > 0 ? `missing ${missing.join(', ')}` : '',
    ].filter(Boolean);
    throw fileError(`Line 1: ${parts.join('; ')}. The columns are: ${IMPORT_COLUMNS.join(', ')}.`);
  }
  const duplicate = names.find((n, i) => names.indexOf(n) !== i);
  if (duplicate) throw fileError(`Line 1: the column ${duplicate} appears twice.`);
  return new Map(names.map((n, i) => [n, i]));
}

/** A spreadsheet-safe export writes '+66… or '=…; read those back without the apostrophe. */
function cell(fields: string[], columns: Map<string, number>, name: string): string {
  const index = columns.get(name);
  const value = index === undefined ? '' : (fields[index] ?? '').trim();
  return /^'[=+\-@]/.test(value) ? value.slice(1) : value;
}

function wholeNumber(value: string, min: number, max: number): number | null {
  if (!/^\d{1,15}$/.test(value)) return null;
  const n = Number(value);
  return n >= min && n <= max ? n : null;
}

function readRow(fields: string[], columns: Map<string, number>, zone: string, now: number): Omit<ImportRow, 'line'> | string {
  if (fields.length !== columns.size) return `expected ${columns.size} fields, found ${fields.length}`;
  const get = (name: string) => cell(fields, columns, name);

  const cardId = wholeNumber(get('card_id'), 1, 999_999_999_999);
  if (cardId === null) return 'card_id must be a card number (digits only)';
  const name = get('name');
  if (!name) return 'name is empty';
  if (name.length > 200) return 'name is longer than 200 characters';
  const email = get('email') || null;
  if (email && (email.length > 254 || !EMAIL.test(email))) return `email "${email.slice(0, 60)}" is not an e-mail address`;
  const phone = get('phone') || null;
  if (phone && (phone.length > 40 || phoneDigits(phone).length < 3)) return `phone "${phone.slice(0, 40)}" is not a phone number`;
  const templateId = wholeNumber(get('template_id'), 1, 999_999_999_999);
  if (templateId === null) return 'template_id must be a whole number';
  const templateVersion = wholeNumber(get('template_version').replace(/^v/i, ''), 1, 1_000_000);
  if (templateVersion === null) return 'template_version must be a whole number (e.g. 2 or v2)';
  const goal = wholeNumber(get('goal'), 1, 1000);
  if (goal === null) return 'goal must be a whole number from 1 to 1000';
  const stamps = wholeNumber(get('stamps'), 0, 1000);
  if (stamps === null) return 'stamps must be a whole number';
  if (stamps > goal) return `stamps (${stamps}) are more than the goal (${goal})`;

  const platformText = get('platforms').toLowerCase();
  const platformNames = platformText === '' ? ['web'] : platformText.split('|').map((p) => p.trim());
  const bad = platformNames.find((p) => !(PLATFORMS as readonly string[]).includes(p));
  if (bad !== undefined) return `platform "${bad.slice(0, 20)}" is not one of web, apple, google`;

  const createdText = get('created_at');
  const createdAt = createdText ? parseDateTime(createdText, zone) : now;
  if (createdAt === null) return `created_at "${createdText.slice(0, 40)}" is not a date (use 2026-11-23 or 2026-11-23T14:05:00Z)`;
  if (createdAt > now + 86_400_000) return 'created_at is in the future';
  const lastText = get('last_stamp_at');
  const lastStampAt = lastText ? parseDateTime(lastText, zone) : null;
  if (lastText && lastStampAt === null) return `last_stamp_at "${lastText.slice(0, 40)}" is not a date`;
  if (lastStampAt !== null && lastStampAt > now + 86_400_000) return 'last_stamp_at is in the future';

  return {
    cardId,
    name,
    email,
    phone,
    phoneDigits: phone ? phoneDigits(phone) : null,
    templateId,
    templateVersion,
    stamps,
    goal,
    platforms: platformsToMask(platformNames as Platform[]),
    createdAt,
    lastStampAt,
  };
}
