import type { TFunction } from 'i18next';
import type { PrintJob } from '../../../shared/schemas/printing';

/** What a job prints, in words: the test page, a voucher, a whole batch or a range of it. */
export function jobLabel(job: PrintJob, t: TFunction): string {
  if (job.kind === 'test') return t('printers.jobs.testPage');
  if (job.kind === 'voucher') return t('printers.jobs.voucher', { id: job.voucherId ?? 0 });
  if (job.from !== null && job.to !== null) return t('printers.jobs.batchRange', { id: job.batchId ?? 0, from: job.from, to: job.to });
  return t('printers.jobs.batch', { id: job.batchId ?? 0 });
}
