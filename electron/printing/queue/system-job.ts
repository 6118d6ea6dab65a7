import type { Printer } from '../../../shared/schemas/printing';
import { countCouponDone, findPrintJob, moveJob, type PrintJobRecord } from '../../db/repos/print-jobs.repo';
import { recordPrinterError, recordPrinterSuccess } from '../../db/repos/printers.repo';
import { printerProfile } from '../profile';
import type { SystemPrinter } from '../system/system-printer';
import type { JobContext, RunOutcome } from './job-context';
import { jobPagePng } from './job-pages';
import { reasonOf, skippedReason } from './network-job';

/**
 * Prints a job on a printer installed in the OS (Electron), one coupon a page and one page at a time, so a pause or
 * a cancel takes effect between coupons. The system spooler answers "taken", not "printed": a page it took counts.
 */
export async function runSystemJob(ctx: JobContext, system: SystemPrinter, job: PrintJobRecord, printer: Printer): Promise<RunOutcome> {
  const { db, now } = ctx;
  if (!moveJob(db, job.id, ['queued', 'waiting'], 'printing', null, now())) return { kind: 'finished' };
  const profile = printerProfile(printer.paperWidth, printer.dots, printer.language);
  try {
    for (let index = job.done; index < job.total; index++) {
      if (findPrintJob(db, job.id)?.status !== 'printing') return { kind: 'finished' };
      const png = await jobPagePng(ctx, job, index, profile);
      if (png) {
        await system.print([png], { systemName: printer.systemName, paperWidth: printer.paperWidth, dots: printer.dots, title: job.title ?? printer.name });
      }
      countCouponDone(db, job.id, now());
    }
    moveJob(db, job.id, ['printing'], 'done', skippedReason(findPrintJob(db, job.id)), now());
    recordPrinterSuccess(db, printer.id, now());
  } catch (error) {
    const reason = reasonOf(error);
    const shown = reason.key === 'api.internal' ? { key: 'printing.systemFailed' as const, params: { name: printer.name } } : reason;
    moveJob(db, job.id, ['printing'], 'failed', shown, now());
    recordPrinterError(db, printer.id, shown, now());
  }
  return { kind: 'finished' };
}
