import type { PrintJobRecord } from '../../db/repos/print-jobs.repo';
import type { PrinterProfile } from '../profile';
import type { JobContext } from './job-context';
import type { DrawnReceipt } from './drawer-port';
import { jobItem } from './job-items';

/**
 * Draws a job's coupons one ahead: while coupon i is being sent, coupon i+1 is drawn in the isolated worker, so the
 * printer is kept busy and only two coupons are ever in memory. `null` for a voucher that no longer exists.
 */
export function drawAhead(ctx: JobContext, job: PrintJobRecord, profile: PrinterProfile, from: number) {
  const draw = (index: number): Promise<DrawnReceipt | null> => {
    const item = jobItem(ctx.db, job, index, ctx.now());
    if ('gone' in item) return Promise.resolve(null);
    if ('testPage' in item) return ctx.drawer.testPage(item.testPage, profile);
    return ctx.drawer.coupons([item.coupon], profile).then((drawn) => drawn[0]!);
  };
  let next: Promise<DrawnReceipt | null> | null = null;
  let nextIndex = -1;
  return {
    /** Coupon `index`, and the drawing of the one after it started. */
    async take(index: number): Promise<DrawnReceipt | null> {
      const current = nextIndex === index && next ? next : draw(index);
      nextIndex = index + 1;
      next = index + 1 < job.total ? draw(index + 1) : null;
      // a drawing nobody waits for (the job stopped) must not end the process with an unhandled rejection
      next?.catch(() => {});
      return current;
    },
    from,
  };
}
