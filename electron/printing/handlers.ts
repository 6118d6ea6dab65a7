import type { PrintPages, PrintPreview } from '../../shared/schemas/printing';
import { AppError } from '../../shared/api/errors';
import type { Db } from '../db/client';
import { listPrintJobs } from '../db/repos/print-jobs.repo';
import { findImage, findVoucher } from '../db/repos/vouchers.repo';
import type { HandlersFor } from '../core/handler-types';
import { getSettings } from '../settings/settings-service';
import { couponData } from '../vouchers/voucher-files';
import { printerProfile } from './profile';
import { addPrinter, listPrinters, makeDefault, printerStatus, removePrinter } from './printer-service';
import { created, jobOrRefuse, markDone, MOVES, moveByPerson, printerFor, publicJob, storeTestJob, storeVoucherJob } from './print-service';
import type { ReceiptDrawerPort } from './queue/drawer-port';
import { jobPagePng } from './queue/job-pages';
import type { PrintQueue } from './queue/print-queue';
import type { TransportTimeouts } from './transport/printer-connection';
import { livePrinter } from './printer-service';
import { findDefaultPrinter } from '../db/repos/printers.repo';

export interface PrintingDeps {
  db: Db;
  drawer: ReceiptDrawerPort;
  queue: PrintQueue;
  /** Whether this host prints on OS printers itself (Electron); the browser host prints them through the browser. */
  canPrintSystem: boolean;
  timeouts: TransportTimeouts;
}

/** How many jobs print.jobs lists, newest first. */
export const JOBS_LISTED = 200;

type PrintingMethods =
  | 'printers.list' | 'printers.add' | 'printers.remove' | 'printers.setDefault' | 'printers.test' | 'printers.status'
  | 'print.voucher' | 'print.jobs' | 'print.retry' | 'print.cancel' | 'print.pause' | 'print.resume' | 'print.markDone'
  | 'print.preview' | 'print.pages';

export function createPrintingHandlers(deps: PrintingDeps): HandlersFor<PrintingMethods> {
  const { db, queue } = deps;
  return {
    'printers.list': () => listPrinters(db),
    'printers.add': (input, ctx) => addPrinter(db, input, ctx.now()),
    'printers.remove': ({ id }, ctx) => removePrinter(db, id, ctx.now()),
    'printers.setDefault': ({ id }) => makeDefault(db, id),
    'printers.status': ({ id }, ctx) => printerStatus({ db, now: ctx.now, timeouts: deps.timeouts }, id),
    'printers.test': ({ id }, ctx) => {
      const printer = livePrinter(db, id);
      const jobId = storeTestJob(db, printer, ctx.now());
      queue.wake(printer.id);
      return created(jobId, printer, deps.canPrintSystem);
    },
    'print.voucher': (input, ctx) => {
      const printer = printerFor(db, input.printerId);
      const jobId = storeVoucherJob(db, input, printer, ctx.now());
      queue.wake(printer.id);
      return created(jobId, printer, deps.canPrintSystem);
    },
    'print.jobs': ({ status }) => listPrintJobs(db, status, JOBS_LISTED).map(publicJob),
    'print.retry': ({ jobId }, ctx) => woken(moveByPerson(db, jobId, MOVES.retry, ctx.now())),
    'print.cancel': ({ jobId }, ctx) => publicJob(moveByPerson(db, jobId, MOVES.cancel, ctx.now())),
    'print.pause': ({ jobId }, ctx) => publicJob(moveByPerson(db, jobId, MOVES.pause, ctx.now())),
    'print.resume': ({ jobId }, ctx) => woken(moveByPerson(db, jobId, MOVES.resume, ctx.now())),
    'print.markDone': ({ jobId }, ctx) => publicJob(markDone(db, jobId, ctx.now())),
    'print.preview': async ({ voucherId, printerId }, ctx): Promise<PrintPreview> => {
      const voucher = findVoucher(db, voucherId);
      if (!voucher) throw new AppError('not_found', 'voucher.noSuchVoucher', { field: 'voucherId' });
      const printer = printerId !== undefined ? livePrinter(db, printerId) : findDefaultPrinter(db);
      // with no printer yet, the preview is drawn for the common 80 mm, 203 dpi printer
      const profile = printer ? printerProfile(printer.paperWidth, printer.dots, printer.language) : printerProfile(80, 576, 'esc-pos');
      const settings = getSettings(db);
      const image = voucher.imageId ? (findImage(db, voucher.imageId) ?? null) : null;
      const data = couponData(voucher, settings.shopName, settings.timeZone, settings.locale, ctx.now());
      const drawn = await deps.drawer.previewPng({ data, image, imageId: image ? voucher.imageId : null }, profile);
      return { mime: 'image/png', base64: drawn.png.toString('base64'), width: drawn.width, height: drawn.height, paperWidth: profile.paperWidth };
    },
    'print.pages': async ({ jobId }, ctx): Promise<PrintPages> => {
      const job = jobOrRefuse(db, jobId);
      if (job.printerKind !== 'system' || deps.canPrintSystem) throw new AppError('conflict', 'printing.notBrowserJob', { field: 'jobId' });
      const printer = livePrinter(db, job.printerId);
      const profile = printerProfile(printer.paperWidth, printer.dots, printer.language);
      const pages: string[] = [];
      for (let index = job.done; index < job.total; index++) {
        const png = await jobPagePng({ db, drawer: deps.drawer, now: ctx.now }, job, index, profile);
        if (png) pages.push(png.toString('base64'));
      }
      return { jobId, paperWidth: printer.paperWidth, dots: printer.dots, pages };
    },
  };

  function woken(job: ReturnType<typeof jobOrRefuse>) {
    queue.wake(job.printerId);
    return publicJob(job);
  }
}
