import { AppError } from '../../shared/api/errors';
import { DEFAULT_DOTS, type Printer, type PrinterStatus } from '../../shared/schemas/printing';
import type { ParsedInput } from '../../shared/api/contract';
import type { Db } from '../db/client';
import { cancelPendingJobs, printerIsPrinting } from '../db/repos/print-jobs.repo';
import { findPrinter, insertPrinter, listPrinters, markPrinterRemoved, recordPrinterStatus, setDefaultPrinter } from '../db/repos/printers.repo';
import { probe } from './queue/network-job';
import type { JobContext } from './queue/job-context';
import { statusOf } from './status/printer-state';
import { TransportError } from './transport/errors';
import { connectPrinter } from './transport/printer-connection';

/** A printer that lists (not removed), or a clear refusal. */
export function livePrinter(db: Db, id: number): Printer {
  const printer = findPrinter(db, id);
  if (!printer || printer.removedAt !== null) throw new AppError('not_found', 'printing.noSuchPrinter', { field: 'id' });
  const { removedAt: _removed, ...live } = printer;
  return live;
}

export function addPrinter(db: Db, input: ParsedInput<'printers.add'>, now: number): Printer {
  const dots = input.dots ?? DEFAULT_DOTS[input.paperWidth];
  const id =
    input.kind === 'network'
      ? insertPrinter(db, { kind: 'network', name: input.name, host: input.host, port: input.port, systemName: null, paperWidth: input.paperWidth, dots, language: input.language }, input.isDefault ?? false, now)
      : insertPrinter(db, { kind: 'system', name: input.name, host: null, port: null, systemName: input.systemName || null, paperWidth: input.paperWidth, dots, language: 'esc-pos' }, input.isDefault ?? false, now);
  return livePrinter(db, id);
}

/** Removes a printer from the list; refused while it prints; its jobs not yet printed are cancelled with the reason. */
export function removePrinter(db: Db, id: number, now: number): { id: number } {
  const printer = livePrinter(db, id);
  db.tx(() => {
    if (printerIsPrinting(db, id)) throw new AppError('conflict', 'printing.printerBusy', { field: 'id', params: { name: printer.name } });
    cancelPendingJobs(db, id, { key: 'printing.printerRemoved', params: {} }, now);
    markPrinterRemoved(db, id, now);
  });
  return { id };
}

export function makeDefault(db: Db, id: number): Printer {
  livePrinter(db, id);
  setDefaultPrinter(db, id);
  return livePrinter(db, id);
}

export { listPrinters };

/**
 * Asks a network printer for its status now, on its own short connection. While the printer is printing a job,
 * the status the job asked last is given instead (a printer takes one connection at a time). System printers
 * report nothing: unknown.
 */
export async function printerStatus(ctx: Pick<JobContext, 'db' | 'now' | 'timeouts'>, id: number): Promise<PrinterStatus> {
  const { db, now } = ctx;
  const printer = livePrinter(db, id);
  if (printer.kind === 'system') return statusOf('unknown', now());
  if (printerIsPrinting(db, id) && printer.status) return printer.status;
  let status: PrinterStatus;
  try {
    const conn = await connectPrinter(printer.host ?? '', printer.port ?? 9100, ctx.timeouts);
    try {
      const state = await probe(ctx, printer, conn);
      status = statusOf(state, now());
    } finally {
      await conn.close();
    }
  } catch (error) {
    if (!(error instanceof TransportError)) throw error;
    status = statusOf('unreachable', now(), error.reason);
  }
  recordPrinterStatus(db, id, status);
  return status;
}
