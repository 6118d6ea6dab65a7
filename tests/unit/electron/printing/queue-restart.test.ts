import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../../electron/core/create-core';
import { makeTempDir, MIGRATIONS_DIR } from '../../../support/temp-dir';
import { startVirtualPrinter, type VirtualPrinter } from '../../../support/virtual-printer';
import { zbarDecodeBytes } from '../../../support/zbar';
import type { PrintJobCreated } from '../../../../shared/schemas/printing';
import { addNetworkPrinter, issue, job, value, waitForJob } from './print-support';

const printing = {
  timeouts: { connectMs: 2000, statusMs: 300, stallMs: 60_000, closeMs: 400, confirmMs: 60_000 },
  delays: { waitingMs: [30], reconnectMs: [30] },
};
const tokenOf = (png: Buffer) => zbarDecodeBytes(png).find((s) => !s.includes('-'));
const pages = (p: VirtualPrinter) => p.jobs.flatMap((j) => j.pages);

describe('print jobs survive a restart', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let core: Core | null = null;
  let printer: VirtualPrinter | null = null;
  const open = () => (core = createCore({ dataDir: temp.dir, migrationsDir: MIGRATIONS_DIR, version: 't', expirySweepMs: 0, printing }));
  beforeEach(() => {
    temp = makeTempDir();
  });
  afterEach(async () => {
    core?.close();
    core = null;
    await printer?.close();
    printer = null;
    temp.cleanup();
  });

  it('a job cut off by closing the app is uncertain after the restart, not resent; reprint sends only the coupons not taken', async () => {
    printer = await startVirtualPrinter({ port: 0 });
    let c = open();
    const { port } = await addNetworkPrinter(c, printer.port);
    // the size of one coupon on the wire, from a first print
    const first = await issue(c, 'Opening party', 1);
    const measured = await value<PrintJobCreated>(c, 'print.voucher', { voucherId: first.ids[0] });
    await waitForJob(c, measured.jobId, (j) => j.status === 'done');
    const [one] = await printer.waitForJobs(1);
    await printer.close();

    // the printer takes the first coupon of three, then stops reading in the middle of the second
    printer = await startVirtualPrinter({ port: port!, fault: 'stall', stallAfterBytes: Math.round(one!.bytes * 1.5) });
    const { batchId, tokens } = await issue(c, 'Opening party', 3);
    const { jobId } = await value<PrintJobCreated>(c, 'print.voucher', { batchId });
    await waitForJob(c, jobId, (j) => j.status === 'printing' && j.done === 1);
    c.close();
    core = null;

    c = open();
    expect(await job(c, jobId)).toMatchObject({ status: 'uncertain', done: 1, reason: { key: 'printing.interrupted', params: {} } });
    // the printer reads again and prints what it held; then a person asks for the reprint
    await printer.setFault(null);
    await printer.waitForJobs(1);
    const held = printer.jobs.length;
    await value(c, 'print.retry', { jobId });
    expect(await waitForJob(c, jobId, (j) => j.status === 'done')).toMatchObject({ done: 3, total: 3 });
    const [reprint] = (await printer.waitForJobs(held + 1)).slice(held);
    expect(reprint!.pages.map((p) => tokenOf(p.png))).toEqual([tokens[1], tokens[2]]);
  });

  it('a job that completed is never printed again: not by a retry, not by a restart', async () => {
    printer = await startVirtualPrinter({ port: 0 });
    let c = open();
    await addNetworkPrinter(c, printer.port);
    const { ids, tokens } = await issue(c, 'Free coffee', 2);
    const { jobId } = await value<PrintJobCreated>(c, 'print.voucher', { voucherId: ids[0] });
    await waitForJob(c, jobId, (j) => j.status === 'done');
    const retry = await c.call('print.retry', { jobId });
    expect(retry).toMatchObject({ ok: false, error: { key: 'apiErrors.printing.alreadyDone' } });
    c.close();
    core = null;

    c = open();
    expect((await job(c, jobId)).status).toBe('done');
    // the queue takes jobs oldest first: a new job printing proves the old one was not taken again
    const next = await value<PrintJobCreated>(c, 'print.voucher', { voucherId: ids[1] });
    await waitForJob(c, next.jobId, (j) => j.status === 'done');
    const deadline = Date.now() + 20_000;
    while (pages(printer).length < 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(pages(printer).map((p) => tokenOf(p.png))).toEqual([tokens[0], tokens[1]]);
  });

  it('a queued job goes on after a restart', async () => {
    printer = await startVirtualPrinter({ port: 0, fault: 'refuse' });
    let c = open();
    await addNetworkPrinter(c, printer.port);
    const { ids, tokens } = await issue(c, 'Free coffee');
    const { jobId } = await value<PrintJobCreated>(c, 'print.voucher', { voucherId: ids[0] });
    await value(c, 'print.pause', { jobId });
    c.close();
    core = null;
    await printer.setFault(null);
    c = open();
    expect((await job(c, jobId)).status).toBe('paused');
    await value(c, 'print.resume', { jobId });
    await waitForJob(c, jobId, (j) => j.status === 'done');
    const deadline = Date.now() + 20_000;
    while (pages(printer).length < 1 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(pages(printer).map((p) => tokenOf(p.png))).toEqual([tokens[0]]);
  });
});
