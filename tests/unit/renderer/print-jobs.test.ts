import { describe, expect, it } from 'vitest';
import { PRINT_JOB_STATES, type PrintJobState } from '../../../shared/schemas/printing';
import { isActiveJob, jobActions } from '../../../renderer/components/print/job-state';
import { pageImageUrl, pageRule } from '../../../renderer/components/print/page-image';

const job = (status: PrintJobState, kind: 'voucher' | 'batch' | 'test' = 'voucher') => ({ status, kind, total: kind === 'batch' ? 10 : 1 });

describe('print jobs in the renderer', () => {
  it('offers a job that may have printed only the choice of reprint or "it printed", never a silent resend', () => {
    expect(jobActions(job('uncertain'))).toEqual(['reprint', 'markDone']);
  });

  it('never offers to print a finished job again', () => {
    expect(jobActions(job('done'))).toEqual([]);
    expect(jobActions(job('done', 'batch'))).toEqual([]);
  });

  it('retries failed and cancelled jobs, resumes paused ones, pauses only batches (between coupons)', () => {
    expect(jobActions(job('failed'))).toEqual(['retry']);
    expect(jobActions(job('cancelled'))).toEqual(['retry']);
    expect(jobActions(job('paused', 'batch'))).toEqual(['resume', 'cancel']);
    expect(jobActions(job('printing', 'batch'))).toEqual(['pause', 'cancel']);
    expect(jobActions(job('waiting'))).toEqual(['cancel']);
    expect(jobActions(job('queued', 'batch'))).toEqual(['pause', 'cancel']);
  });

  it('keeps asking for the list only while a job is queued, waiting or printing', () => {
    const active = PRINT_JOB_STATES.filter((status) => isActiveJob({ status }));
    expect(active).toEqual(['queued', 'waiting', 'printing']);
  });

  it('prints on a page the paper wide and as long as the tallest coupon, with no margins', () => {
    // 203 dpi: 1152 rows are 144.1 mm (rounded up, so nothing is cut off); the TM-T88's 512 dots print at 180 dpi
    expect(pageRule(80, 576, [800, 1152])).toBe('@page { size: 80mm 145mm; margin: 0 }');
    expect(pageRule(58, 384, [384])).toBe('@page { size: 58mm 49mm; margin: 0 }');
    expect(pageRule(80, 512, [720])).toBe('@page { size: 80mm 102mm; margin: 0 }');
  });

  it('puts only PNG data into the print page, whether sent bare or as a data URL', () => {
    expect(pageImageUrl('iVBORw0KGgo=')).toBe('data:image/png;base64,iVBORw0KGgo=');
    expect(pageImageUrl('data:image/png;base64,iVBORw0KGgo=')).toBe('data:image/png;base64,iVBORw0KGgo=');
    expect(() => pageImageUrl('javascript:alert(1)')).toThrow();
    expect(() => pageImageUrl('" onerror="alert(1)')).toThrow();
  });
});
