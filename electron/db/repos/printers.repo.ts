import type { Db } from '../client';
import type { ErrorKey } from '../../../shared/i18n/keys';
import type { PaperWidth, Printer, PrinterDots, PrinterKind, PrinterLanguage, PrinterStatus, PrintReason } from '../../../shared/schemas/printing';

interface PrinterRecord {
  id: number;
  kind: PrinterKind;
  name: string;
  host: string | null;
  port: number | null;
  systemName: string | null;
  paperWidth: number;
  dots: number;
  language: PrinterLanguage;
  isDefault: number;
  createdAt: number;
  lastSuccessAt: number | null;
  lastErrorKey: string | null;
  lastErrorParams: string | null;
  lastErrorAt: number | null;
  statusState: PrinterStatus['state'] | null;
  statusReasonKey: string | null;
  statusReasonParams: string | null;
  statusCheckedAt: number | null;
  removedAt: number | null;
}

const COLUMNS = `id, kind, name, host, port, system_name AS systemName, paper_width AS paperWidth, dots, language,
  is_default AS isDefault, created_at AS createdAt, last_success_at AS lastSuccessAt, last_error_key AS lastErrorKey,
  last_error_params AS lastErrorParams, last_error_at AS lastErrorAt, status_state AS statusState,
  status_reason_key AS statusReasonKey, status_reason_params AS statusReasonParams, status_checked_at AS statusCheckedAt,
  removed_at AS removedAt`;

export interface NewPrinter {
  kind: PrinterKind;
  name: string;
  host: string | null;
  port: number | null;
  systemName: string | null;
  paperWidth: PaperWidth;
  dots: PrinterDots;
  language: PrinterLanguage;
}

/** A stored reason: its key and values as JSON (values that do not parse read as none). */
export function reasonFrom(key: string | null, params: string | null): PrintReason | null {
  if (!key) return null;
  let values: PrintReason['params'] = {};
  try {
    values = params ? (JSON.parse(params) as PrintReason['params']) : {};
  } catch {
    // a damaged value shows the sentence without its values
  }
  return { key: key as ErrorKey, params: values };
}

function toPrinter(r: PrinterRecord): Printer & { removedAt: number | null } {
  const lastError = reasonFrom(r.lastErrorKey, r.lastErrorParams);
  return {
    id: r.id,
    kind: r.kind,
    name: r.name,
    host: r.host,
    port: r.port,
    systemName: r.systemName,
    paperWidth: r.paperWidth as PaperWidth,
    dots: r.dots as PrinterDots,
    language: r.language,
    isDefault: r.isDefault === 1,
    createdAt: r.createdAt,
    lastSuccessAt: r.lastSuccessAt,
    lastError: lastError && r.lastErrorAt !== null ? { ...lastError, at: r.lastErrorAt } : null,
    status:
      r.statusState && r.statusCheckedAt !== null
        ? { state: r.statusState, reason: reasonFrom(r.statusReasonKey, r.statusReasonParams), checkedAt: r.statusCheckedAt }
        : null,
    removedAt: r.removedAt,
  };
}

/** Printers that list (not removed), the default first, then by name. */
export function listPrinters(db: Db): Printer[] {
  const rows = db.prepare(`SELECT ${COLUMNS} FROM printers WHERE removed_at IS NULL ORDER BY is_default DESC, name, id`).all() as PrinterRecord[];
  return rows.map((r) => stripRemoved(toPrinter(r)));
}

function stripRemoved(p: Printer & { removedAt: number | null }): Printer {
  const { removedAt: _removed, ...printer } = p;
  return printer;
}

/** A printer by id, removed or not (jobs keep pointing at removed printers). */
export function findPrinter(db: Db, id: number): (Printer & { removedAt: number | null }) | undefined {
  const row = db.prepare(`SELECT ${COLUMNS} FROM printers WHERE id = ?`).get(id) as PrinterRecord | undefined;
  return row ? toPrinter(row) : undefined;
}

export function findDefaultPrinter(db: Db): Printer | undefined {
  const row = db.prepare(`SELECT ${COLUMNS} FROM printers WHERE removed_at IS NULL ORDER BY is_default DESC, id LIMIT 1`).get() as PrinterRecord | undefined;
  return row ? stripRemoved(toPrinter(row)) : undefined;
}

/** Adds a printer; the first printer (or one asked to be) becomes the default. Returns its id. */
export function insertPrinter(db: Db, p: NewPrinter, makeDefault: boolean, at: number): number {
  return db.tx(() => {
    const first = !db.prepare('SELECT 1 FROM printers WHERE removed_at IS NULL LIMIT 1').get();
    const isDefault = first || makeDefault;
    if (isDefault) db.prepare('UPDATE printers SET is_default = 0 WHERE is_default = 1').run();
    const result = db
      .prepare(
        `INSERT INTO printers (kind, name, host, port, system_name, paper_width, dots, language, is_default, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(p.kind, p.name, p.host, p.port, p.systemName, p.paperWidth, p.dots, p.language, isDefault ? 1 : 0, at);
    return Number(result.lastInsertRowid);
  });
}

export function setDefaultPrinter(db: Db, id: number): void {
  db.tx(() => {
    db.prepare('UPDATE printers SET is_default = 0 WHERE is_default = 1').run();
    db.prepare('UPDATE printers SET is_default = 1 WHERE id = ? AND removed_at IS NULL').run(id);
  });
}

/** Marks a printer removed; when it was the default, the oldest remaining printer becomes the default. */
export function markPrinterRemoved(db: Db, id: number, at: number): void {
  db.tx(() => {
    db.prepare('UPDATE printers SET removed_at = ?, is_default = 0 WHERE id = ?').run(at, id);
    if (!db.prepare('SELECT 1 FROM printers WHERE is_default = 1 AND removed_at IS NULL').get()) {
      db.prepare('UPDATE printers SET is_default = 1 WHERE id = (SELECT min(id) FROM printers WHERE removed_at IS NULL)').run();
    }
  });
}

export function recordPrinterSuccess(db: Db, id: number, at: number): void {
  db.prepare('UPDATE printers SET last_success_at = ? WHERE id = ?').run(at, id);
}

export function recordPrinterError(db: Db, id: number, reason: PrintReason, at: number): void {
  db.prepare('UPDATE printers SET last_error_key = ?, last_error_params = ?, last_error_at = ? WHERE id = ?').run(
    reason.key,
    JSON.stringify(reason.params),
    at,
    id,
  );
}

export function recordPrinterStatus(db: Db, id: number, status: PrinterStatus): void {
  db.prepare('UPDATE printers SET status_state = ?, status_reason_key = ?, status_reason_params = ?, status_checked_at = ? WHERE id = ?').run(
    status.state,
    status.reason?.key ?? null,
    status.reason ? JSON.stringify(status.reason.params) : null,
    status.checkedAt,
    id,
  );
}
