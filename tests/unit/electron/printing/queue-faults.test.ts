import { afterEach, describe, expect, it } from 'vitest';
import { startVirtualPrinter, type VirtualPrinter } from '../../../support/virtual-printer';
import { useTempCore } from '../../../support/temp-core';
import { zbarDecodeBytes } from '../../../support/zbar';
import type { Printer, PrintJobCreated } from '../../../../shared/schemas/printing';
import { addNetworkPrinter, issue, job, value, waitForJob } from './print-support';

/** Short waits, so a fault shows within a test (what is tested is what happens, never how long it took). */
const printing = {
  timeouts: { connectMs: 2000, statusMs: 300, stallMs: 400, closeMs: 400, confirmMs: 2000 },
  delays: { waitingMs: [30], reconnectMs: [30, 30, 30] },
};
const pages = (p: VirtualPrinter) => p.jobs.flatMap((j) => j.pages);
const tokenOf = (png: Buffer) => zbarDecodeBytes(png).find((s) => !s.includes('-'));
/** The QR tokens on the paper, once the printer has finished `count` pages (it records a job when its connection ends). */
async function tokensOn(p: VirtualPrinter, count: number): Promise<Array<string | undefined>> {
  const deadline = Date.now() + 20_000;
  while (pages(p).length < count && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  return pages(p).map((page) => tokenOf(page.png));
}

describe('print queue faults, each against a real socket on 127.0.0.1', () => {
  const core = useTempCore({ printing });
  let printer: VirtualPrinter | null = null;
  afterEach(async () => {
    await printer?.close();
    printer = null;
  });

  it('connection refused: the job waits with the reason, tries again a few times, then fails with "refused the connection"', async () => {
    printer = await startVirtualPrinter({ port: 0, fault: 'refuse' });
    await addNetworkPrinter(core(), printer.port);
    const { ids } = await issue(core(), 'Free coffee');
    const { jobId } = await value<PrintJobCreated>(core(), 'print.voucher', { voucherId: ids[0] });
    const failed = await waitForJob(core(), jobId, (j) => j.status === 'failed');
    expect(failed.reason).toEqual({ key: 'printing.refused', params: { host: '127.0.0.1', port: printer.port } });
    expect(failed.done).toBe(0);
    const [listed] = await value<Printer[]>(core(), 'printers.list', {});
    expect(listed!.lastError).toMatchObject({ key: 'printing.refused' });
    expect(listed!.status).toMatchObject({ state: 'unreachable' });
  });

  it('a printer that comes back later: the waiting job prints once it listens again; a failed job prints on retry', async () => {
    printer = await startVirtualPrinter({ port: 0, fault: 'refuse' });
    await addNetworkPrinter(core(), printer.port);
    const { ids, tokens } = await issue(core(), 'Free coffee', 2);
    const first = await value<PrintJobCreated>(core(), 'print.voucher', { voucherId: ids[0] });
    const failed = await waitForJob(core(), first.jobId, (j) => j.status === 'failed');
    expect(failed.reason?.key).toBe('printing.refused');

    await printer.setFault(null);
    await value(core(), 'print.retry', { jobId: first.jobId });
    await waitForJob(core(), first.jobId, (j) => j.status === 'done');
    const second = await value<PrintJobCreated>(core(), 'print.voucher', { voucherId: ids[1] });
    await waitForJob(core(), second.jobId, (j) => j.status === 'done');
    expect(await tokensOn(printer, 2)).toEqual([tokens[0], tokens[1]]);
  });

  it('a printer that accepts and then stalls: the job becomes uncertain ("may have printed") and is not resent', async () => {
    printer = await startVirtualPrinter({ port: 0, fault: 'stall', stallAfterBytes: 2048 });
    await addNetworkPrinter(core(), printer.port);
    const { batchId } = await issue(core(), 'Opening party', 3);
    const { jobId } = await value<PrintJobCreated>(core(), 'print.voucher', { batchId: batchId! });
    const cut = await waitForJob(core(), jobId, (j) => j.status === 'uncertain');
    // the socket's buffers take the first coupon whole, so it is the missing confirmation that tells
    expect(['printing.stalled', 'printing.notConfirmed']).toContain(cut.reason?.key);
    expect(cut.done).toBe(0);
    const [listed] = await value<Printer[]>(core(), 'printers.list', {});
    expect(listed!.lastError?.key).toBe(cut.reason?.key);
    // nothing goes out again on its own: when the printer reads again it prints what it held (at most the first
    // coupon, once), then the next job; the uncertain job stays for a person to decide
    await printer.setFault(null);
    const { ids, tokens } = await issue(core(), 'Next', 1);
    const next = await value<PrintJobCreated>(core(), 'print.voucher', { voucherId: ids[0] });
    await waitForJob(core(), next.jobId, (j) => j.status === 'done');
    expect((await job(core(), jobId)).status).toBe('uncertain');
    const deadline = Date.now() + 20_000;
    while (!pages(printer).some((p) => tokenOf(p.png) === tokens[0]) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    const printed = pages(printer).map((p) => tokenOf(p.png)).filter(Boolean);
    expect(printed.filter((t) => t === tokens[0])).toHaveLength(1);
    expect(printed.filter((t) => t !== tokens[0]).length).toBeLessThanOrEqual(1);
  });

  it('a connection dropped mid-batch: done counts only coupons the printer confirmed; reprint sends only the rest', async () => {
    printer = await startVirtualPrinter({ port: 0 });
    await addNetworkPrinter(core(), printer.port);
    // the size of one coupon on the wire, from a first print
    const probe = await issue(core(), 'Opening party', 1);
    const measured = await value<PrintJobCreated>(core(), 'print.voucher', { voucherId: probe.ids[0] });
    await waitForJob(core(), measured.jobId, (j) => j.status === 'done');
    const [one] = await printer.waitForJobs(1);
    await printer.close();

    printer = await startVirtualPrinter({ port: printerPort(core()), fault: 'drop', dropAfterBytes: Math.round(one!.bytes * 1.5) });
    const { batchId, tokens } = await issue(core(), 'Opening party', 3);
    const { jobId } = await value<PrintJobCreated>(core(), 'print.voucher', { batchId: batchId! });
    const cut = await waitForJob(core(), jobId, (j) => j.status === 'uncertain');
    expect(cut.reason?.key).toBe('printing.dropped');
    expect(cut.done).toBe(1);
    expect(printer.jobs.every((j) => !j.complete)).toBe(true);

    await printer.setFault(null);
    await value(core(), 'print.retry', { jobId });
    const done = await waitForJob(core(), jobId, (j) => j.status === 'done');
    expect(done.done).toBe(3);
    await tokensOn(printer, 3);
    const reprint = printer.jobs.at(-1)!;
    expect(reprint.pages.map((p) => tokenOf(p.png))).toEqual([tokens[1], tokens[2]]);
  });

  it('paper end reported by status: the job waits with "out of paper", then prints once when paper is loaded', async () => {
    printer = await startVirtualPrinter({ port: 0 });
    printer.setPaper('out');
    await addNetworkPrinter(core(), printer.port);
    const { ids, tokens } = await issue(core(), 'Free coffee');
    const { jobId } = await value<PrintJobCreated>(core(), 'print.voucher', { voucherId: ids[0] });
    const waiting = await waitForJob(core(), jobId, (j) => j.status === 'waiting');
    expect(waiting.reason).toEqual({ key: 'printing.paperEnd', params: {} });
    const status = await value<{ state: string; reason: { key: string } }>(core(), 'printers.status', { id: waiting.printerId });
    expect(status).toMatchObject({ state: 'paperEnd', reason: { key: 'printing.paperEnd' } });
    expect(pages(printer)).toHaveLength(0);

    printer.setPaper('ok');
    const done = await waitForJob(core(), jobId, (j) => j.status === 'done');
    expect(done.reason).toBeNull();
    expect(await tokensOn(printer, 1)).toEqual([tokens[0]]);
  });

  it('paper running out in the middle of a coupon: the job waits with "out of paper" past the confirmation limit, then each coupon prints once', async () => {
    // the roll ends 40,000 bytes into the first coupon (of about 48 KB): the printer holds the rest in its buffer
    // and still answers status (a printer whose buffer is full cannot read a status request: that job ends uncertain)
    printer = await startVirtualPrinter({ port: 0, paperRunsOutAfterBytes: 40_000 });
    await addNetworkPrinter(core(), printer.port);
    const { batchId, tokens } = await issue(core(), 'Free coffee', 2);
    const { jobId } = await value<PrintJobCreated>(core(), 'print.voucher', { batchId: batchId! });
    const waiting = await waitForJob(core(), jobId, (j) => j.status === 'waiting');
    expect(waiting.reason).toEqual({ key: 'printing.paperEnd', params: {} });
    expect(waiting.done).toBe(0);
    // longer than the confirmation limit (2 s here): a printer that says it is out of paper is waited for, not given up on
    await new Promise((r) => setTimeout(r, printing.timeouts.confirmMs + 500));
    expect((await job(core(), jobId)).status).toBe('waiting');
    expect(pages(printer)).toHaveLength(0);

    printer.setPaper('ok');
    const done = await waitForJob(core(), jobId, (j) => j.status === 'done');
    expect(done.done).toBe(2);
    expect(await tokensOn(printer, 2)).toEqual([tokens[0], tokens[1]]);
  });

  it('cover open is a reason to wait too', async () => {
    printer = await startVirtualPrinter({ port: 0 });
    printer.setCoverOpen(true);
    await addNetworkPrinter(core(), printer.port);
    const { ids } = await issue(core(), 'Free coffee');
    const { jobId } = await value<PrintJobCreated>(core(), 'print.voucher', { voucherId: ids[0] });
    expect((await waitForJob(core(), jobId, (j) => j.status === 'waiting')).reason?.key).toBe('printing.coverOpen');
    printer.setCoverOpen(false);
    await waitForJob(core(), jobId, (j) => j.status === 'done');
  });
});

function printerPort(core: ReturnType<ReturnType<typeof useTempCore>>): number {
  return (core.db.prepare('SELECT port FROM printers LIMIT 1').get() as { port: number }).port;
}

describe('print queue: a printer that comes back while the job waits', () => {
  // many quick tries, so the printer is back long before they run out
  const core = useTempCore({ printing: { ...printing, delays: { waitingMs: [30], reconnectMs: Array.from({ length: 300 }, () => 50) } } });
  let printer: VirtualPrinter | null = null;
  afterEach(async () => {
    await printer?.close();
    printer = null;
  });

  it('the job waits with "refused", then prints by itself, once, when the printer listens again', async () => {
    printer = await startVirtualPrinter({ port: 0, fault: 'refuse' });
    await addNetworkPrinter(core(), printer.port);
    const { ids, tokens } = await issue(core(), 'Free coffee');
    const { jobId } = await value<PrintJobCreated>(core(), 'print.voucher', { voucherId: ids[0] });
    const waiting = await waitForJob(core(), jobId, (j) => j.status === 'waiting');
    expect(waiting.reason?.key).toBe('printing.refused');
    await printer.setFault(null);
    await waitForJob(core(), jobId, (j) => j.status === 'done');
    expect(await tokensOn(printer, 1)).toEqual([tokens[0]]);
  });
});
