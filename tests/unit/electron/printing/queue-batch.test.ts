import { afterEach, describe, expect, it } from 'vitest';
import { startVirtualPrinter, type VirtualPrinter } from '../../../support/virtual-printer';
import { useTempCore } from '../../../support/temp-core';
import { zbarDecodeBytes } from '../../../support/zbar';
import type { PrintJobCreated } from '../../../../shared/schemas/printing';
import { addNetworkPrinter, issue, value, waitForJob } from './print-support';

const tokenOf = (png: Buffer) => zbarDecodeBytes(png).find((s) => !s.includes('-'));
const pages = (p: VirtualPrinter) => p.jobs.flatMap((j) => j.pages);
async function printedTokens(p: VirtualPrinter, count: number): Promise<Array<string | undefined>> {
  const deadline = Date.now() + 20_000;
  while (pages(p).length < count && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  return pages(p).map((page) => tokenOf(page.png));
}

describe('print queue: batches', () => {
  const core = useTempCore({ printing: { delays: { waitingMs: [30], reconnectMs: [30] } } });
  let printer: VirtualPrinter | null = null;
  afterEach(async () => {
    await printer?.close();
    printer = null;
  });

  it('prints a batch in order, each coupon `copies` times in a row, with its progress', async () => {
    printer = await startVirtualPrinter({ port: 0 });
    await addNetworkPrinter(core(), printer.port);
    const { batchId, tokens } = await issue(core(), 'Opening party', 3);
    const { jobId } = await value<PrintJobCreated>(core(), 'print.voucher', { batchId, copies: 2 });
    const done = await waitForJob(core(), jobId, (j) => j.status === 'done');
    expect(done).toMatchObject({ kind: 'batch', batchId, copies: 2, total: 6, done: 6, skipped: 0 });
    expect(await printedTokens(printer, 6)).toEqual([tokens[0], tokens[0], tokens[1], tokens[1], tokens[2], tokens[2]]);
  });

  it('prints a range from..to of a batch (1-based, in the batch order)', async () => {
    printer = await startVirtualPrinter({ port: 0 });
    await addNetworkPrinter(core(), printer.port);
    const { batchId, tokens } = await issue(core(), 'Opening party', 5);
    const { jobId } = await value<PrintJobCreated>(core(), 'print.voucher', { batchId, from: 2, to: 4 });
    expect(await waitForJob(core(), jobId, (j) => j.status === 'done')).toMatchObject({ from: 2, to: 4, total: 3 });
    expect(await printedTokens(printer, 3)).toEqual([tokens[1], tokens[2], tokens[3]]);
    const outside = await core().call('print.voucher', { batchId, from: 4, to: 9 });
    expect(outside).toMatchObject({ ok: false, error: { field: 'to', key: 'apiErrors.printing.rangeOutside', params: { count: 5 } } });
  });

  it('a batch leaves out vouchers that can no longer be redeemed and says how many', async () => {
    printer = await startVirtualPrinter({ port: 0 });
    await addNetworkPrinter(core(), printer.port);
    const { batchId, ids, tokens } = await issue(core(), 'Opening party', 3);
    await value(core(), 'vouchers.void', { id: ids[1], reason: 'Printed by mistake' });
    const { jobId } = await value<PrintJobCreated>(core(), 'print.voucher', { batchId });
    const done = await waitForJob(core(), jobId, (j) => j.status === 'done');
    expect(done).toMatchObject({ total: 2, done: 2, skipped: 1, reason: { key: 'printing.skipped', params: { count: 1 } } });
    expect(await printedTokens(printer, 2)).toEqual([tokens[0], tokens[2]]);
  });

  it('pauses between coupons and goes on from the next one; a cancel stops between coupons', async () => {
    printer = await startVirtualPrinter({ port: 0 });
    await addNetworkPrinter(core(), printer.port);
    const { batchId, tokens } = await issue(core(), 'Opening party', 30);
    const { jobId } = await value<PrintJobCreated>(core(), 'print.voucher', { batchId });
    await waitForJob(core(), jobId, (j) => j.done >= 1);
    await value(core(), 'print.pause', { jobId });
    const paused = await waitForJob(core(), jobId, (j) => j.status === 'paused');
    // the coupon being sent when the pause came is finished and counted; no more are sent
    const settledDone = (await waitForJob(core(), jobId, () => true)).done;
    expect(paused.done).toBeLessThan(30);
    await value(core(), 'print.resume', { jobId });
    await waitForJob(core(), jobId, (j) => j.status === 'done');
    expect(settledDone).toBeGreaterThanOrEqual(1);
    expect(await printedTokens(printer, 30)).toEqual(tokens);

    const second = await issue(core(), 'Second party', 30);
    const next = await value<PrintJobCreated>(core(), 'print.voucher', { batchId: second.batchId });
    await waitForJob(core(), next.jobId, (j) => j.done >= 1);
    await value(core(), 'print.cancel', { jobId: next.jobId });
    const cancelled = await waitForJob(core(), next.jobId, (j) => j.status === 'cancelled');
    expect(cancelled.done).toBeLessThan(30);
    // nothing more goes out for it: a later job prints right after what the cancelled one had sent
    const third = await issue(core(), 'After', 1);
    const after = await value<PrintJobCreated>(core(), 'print.voucher', { voucherId: third.ids[0] });
    await waitForJob(core(), after.jobId, (j) => j.status === 'done');
    const printed = (await printedTokens(printer, 31)).slice(30);
    expect(printed.at(-1)).toBe(third.tokens[0]);
    const ofSecond = printed.slice(0, -1);
    expect(ofSecond).toEqual(second.tokens.slice(0, ofSecond.length));
    expect(ofSecond.length).toBeLessThanOrEqual((await waitForJob(core(), next.jobId, () => true)).done + 1);
  });
});
