import type { PrintJobRecord } from '../../db/repos/print-jobs.repo';
import type { PrinterProfile } from '../profile';
import { monoPng } from './mono-png';
import type { JobContext } from './job-context';
import { jobItem } from './job-items';

/** One page of a job as a PNG of its exact raster (system printers, the browser's print dialog); null for a voucher gone. */
export async function jobPagePng(ctx: Pick<JobContext, 'db' | 'drawer' | 'now'>, job: PrintJobRecord, index: number, profile: PrinterProfile): Promise<Buffer | null> {
  const item = jobItem(ctx.db, job, index, ctx.now());
  if ('gone' in item) return null;
  if ('testPage' in item) return monoPng((await ctx.drawer.testPage(item.testPage, profile)).raster);
  return (await ctx.drawer.previewPng(item.coupon, profile)).png;
}
