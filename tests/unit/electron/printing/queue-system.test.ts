import { describe, expect, it } from 'vitest';
import { useTempCore } from '../../../support/temp-core';
import { zbarDecodeBytes } from '../../../support/zbar';
import type { SystemPrinter } from '../../../../electron/printing/system/system-printer';
import type { PrintJobCreated, Printer } from '../../../../shared/schemas/printing';
import { issue, value, waitForJob } from './print-support';

/**
 * The OS printer is what a test cannot reach: this one keeps the pages it is given, as a spooler would, and can be
 * told to refuse (a driver error). Everything before it (the queue, the drawing in the worker) is real.
 */
function spooler() {
  const printed: Array<{ pngs: Buffer[]; options: Parameters<SystemPrinter['print']>[1] }> = [];
  let refuse = false;
  const printer: SystemPrinter = {
    async print(pngs, options) {
      if (refuse) throw new Error('The printer driver reported an error');
      printed.push({ pngs, options });
    },
  };
  return { printer, printed, refuse: (on: boolean) => (refuse = on) };
}

const spool = spooler();

describe('print queue: printers installed in the OS (Electron)', () => {
  const core = useTempCore({ systemPrinter: spool.printer });

  it('prints each coupon as a page of the paper width through the system printer; a driver error fails the job with a reason', async () => {
    const office = await value<Printer>(core(), 'printers.add', { kind: 'system', name: 'Office', systemName: 'EPSON TM-T20', paperWidth: 58 });
    const { batchId, tokens } = await issue(core(), 'Opening party', 2);
    const created = await value<PrintJobCreated>(core(), 'print.voucher', { batchId, printerId: office.id });
    expect(created.printInBrowser).toBe(false);
    expect(await waitForJob(core(), created.jobId, (j) => j.status === 'done')).toMatchObject({ done: 2, total: 2 });
    expect(spool.printed.map((p) => p.options)).toEqual([
      { systemName: 'EPSON TM-T20', paperWidth: 58, dots: 384, title: 'Opening party' },
      { systemName: 'EPSON TM-T20', paperWidth: 58, dots: 384, title: 'Opening party' },
    ]);
    expect(spool.printed.map((p) => zbarDecodeBytes(p.pngs[0]!).find((s) => !s.includes('-')))).toEqual(tokens);

    spool.refuse(true);
    const again = await value<PrintJobCreated>(core(), 'print.voucher', { batchId, printerId: office.id });
    const failed = await waitForJob(core(), again.jobId, (j) => j.status === 'failed');
    expect(failed.reason).toEqual({ key: 'printing.systemFailed', params: { name: 'Office' } });
    expect(await core().call('print.pages', { jobId: again.jobId })).toMatchObject({ ok: false, error: { key: 'apiErrors.printing.notBrowserJob' } });
  });
});
