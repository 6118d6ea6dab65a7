import { afterEach, describe, expect, it } from 'vitest';
import { startVirtualPrinter, type VirtualPrinter } from '../../../support/virtual-printer';
import { useTempCore } from '../../../support/temp-core';
import { zbarDecodeBytes } from '../../../support/zbar';
import { formatRedeemCode } from '../../../../shared/domain/redeem-code';
import type { PrintJobCreated } from '../../../../shared/schemas/printing';
import { addNetworkPrinter, issue, value, waitForJob } from './print-support';

describe('print queue: a coupon to a network receipt printer', () => {
  const core = useTempCore();
  let printer: VirtualPrinter | null = null;
  afterEach(async () => {
    await printer?.close();
    printer = null;
  });

  it('prints one voucher once: the job is stored, then done; zbarimg reads its QR code and barcode on the paper', async () => {
    printer = await startVirtualPrinter({ port: 0 });
    await addNetworkPrinter(core(), printer.port);
    const { ids, codes, tokens } = await issue(core(), 'Free coffee');
    const created = await value<PrintJobCreated>(core(), 'print.voucher', { voucherId: ids[0] });
    expect(created.printInBrowser).toBe(false);
    const done = await waitForJob(core(), created.jobId, (j) => j.status === 'done');
    expect(done).toMatchObject({ kind: 'voucher', total: 1, done: 1, reason: null, title: 'Free coffee' });
    const [paper] = await printer.waitForJobs(1);
    expect(paper!.complete).toBe(true);
    expect(paper!.cuts).toBe(1);
    const decoded = zbarDecodeBytes(paper!.pages[0]!.png);
    expect(decoded).toEqual(expect.arrayContaining([tokens[0], formatRedeemCode(codes[0]!)]));
    const listed = await value<Array<{ lastSuccessAt: number | null; status: { state: string } | null }>>(core(), 'printers.list', {});
    expect(listed[0]!.lastSuccessAt).not.toBeNull();
    expect(listed[0]!.status?.state).toBe('ready');
  });
});
