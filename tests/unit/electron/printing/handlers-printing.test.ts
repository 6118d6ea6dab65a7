import { afterEach, describe, expect, it } from 'vitest';
import { startVirtualPrinter, type VirtualPrinter } from '../../../support/virtual-printer';
import { useTempCore } from '../../../support/temp-core';
import { zbarDecodeBytes } from '../../../support/zbar';
import type { PrintJobCreated, PrintPages, PrintPreview, Printer, PrinterStatus } from '../../../../shared/schemas/printing';
import { addNetworkPrinter, issue, value, waitForJob } from './print-support';

describe('printers.* and print.* handlers', () => {
  const core = useTempCore({ printing: { timeouts: { statusMs: 300, closeMs: 400 }, delays: { waitingMs: [30], reconnectMs: [30] } } });
  let printer: VirtualPrinter | null = null;
  afterEach(async () => {
    await printer?.close();
    printer = null;
  });

  it('with no printer yet, print.voucher says to add one in Printers', async () => {
    const { ids } = await issue(core(), 'Free coffee');
    const result = await core().call('print.voucher', { voucherId: ids[0] });
    expect(result).toMatchObject({ ok: false, error: { code: 'not_found', key: 'apiErrors.printing.noPrinter' } });
    expect(result.ok ? '' : result.error.message).toContain('Printers');
  });

  it('refuses a voucher that cannot be redeemed, saying why and since when; nothing is stored', async () => {
    printer = await startVirtualPrinter({ port: 0 });
    await addNetworkPrinter(core(), printer.port);
    const { ids } = await issue(core(), 'Free coffee');
    await value(core(), 'vouchers.void', { id: ids[0], reason: 'Printed by mistake' });
    const result = await core().call('print.voucher', { voucherId: ids[0] });
    expect(result).toMatchObject({ ok: false, error: { code: 'conflict', key: 'apiErrors.printing.voucherDead.voided', field: 'voucherId' } });
    expect(result.ok ? '' : result.error.message).toMatch(/^This voucher was voided on .+ and cannot be printed\.$/);
    expect(await value(core(), 'print.jobs', {})).toEqual([]);
  });

  it('adds printers: the first is the default, dots follow the paper, exactly one default; setDefault moves it', async () => {
    const a = await addNetworkPrinter(core(), 9100, { paperWidth: 58 });
    expect(a).toMatchObject({ kind: 'network', isDefault: true, paperWidth: 58, dots: 384, port: 9100, language: 'esc-pos', status: null, lastError: null });
    const b = await value<Printer>(core(), 'printers.add', { kind: 'system', name: 'Office', paperWidth: 80, dots: 512 });
    expect(b).toMatchObject({ kind: 'system', isDefault: false, dots: 512, host: null, systemName: null });
    await value(core(), 'printers.setDefault', { id: b.id });
    const listed = await value<Printer[]>(core(), 'printers.list', {});
    expect(listed.filter((p) => p.isDefault).map((p) => p.id)).toEqual([b.id]);
    expect(await value<PrinterStatus>(core(), 'printers.status', { id: b.id })).toMatchObject({ state: 'unknown', reason: null });
  });

  it('asks a network printer for its status now; one that refuses is unreachable with the reason', async () => {
    printer = await startVirtualPrinter({ port: 0 });
    const added = await addNetworkPrinter(core(), printer.port);
    expect(await value<PrinterStatus>(core(), 'printers.status', { id: added.id })).toMatchObject({ state: 'ready', reason: null });
    printer.setPaper('near-end');
    expect(await value<PrinterStatus>(core(), 'printers.status', { id: added.id })).toMatchObject({ state: 'paperNearEnd' });
    await printer.setFault('refuse');
    const status = await value<PrinterStatus>(core(), 'printers.status', { id: added.id });
    expect(status).toMatchObject({ state: 'unreachable', reason: { key: 'printing.refused', params: { host: '127.0.0.1', port: printer.port } } });
    const [listed] = await value<Printer[]>(core(), 'printers.list', {});
    expect(listed!.status).toEqual(status);
  });

  it('prints the test page: zbarimg reads its QR code and barcode from the paper', async () => {
    printer = await startVirtualPrinter({ port: 0 });
    const added = await addNetworkPrinter(core(), printer.port);
    const { jobId } = await value<PrintJobCreated>(core(), 'printers.test', { id: added.id });
    expect(await waitForJob(core(), jobId, (j) => j.status === 'done')).toMatchObject({ kind: 'test', title: null, total: 1 });
    const [paper] = await printer.waitForJobs(1);
    expect(zbarDecodeBytes(paper!.pages[0]!.png)).toEqual(expect.arrayContaining(['STAMPDESK-TEST']));
  });

  it('removing a printer cancels its jobs not yet printed, saying why; it is refused while a job prints', async () => {
    printer = await startVirtualPrinter({ port: 0 });
    printer.setPaper('out');
    const added = await addNetworkPrinter(core(), printer.port);
    const { ids } = await issue(core(), 'Free coffee');
    const { jobId } = await value<PrintJobCreated>(core(), 'print.voucher', { voucherId: ids[0] });
    await waitForJob(core(), jobId, (j) => j.status === 'waiting');
    core().db.prepare("UPDATE print_jobs SET status = 'printing' WHERE id = ?").run(jobId);
    const busy = await core().call('printers.remove', { id: added.id });
    expect(busy).toMatchObject({ ok: false, error: { code: 'conflict', key: 'apiErrors.printing.printerBusy', params: { name: 'Counter' } } });
    core().db.prepare("UPDATE print_jobs SET status = 'waiting' WHERE id = ?").run(jobId);

    expect(await value(core(), 'printers.remove', { id: added.id })).toEqual({ id: added.id });
    expect(await value(core(), 'printers.list', {})).toEqual([]);
    const [cancelled] = await value<Array<{ status: string; reason: unknown; printerName: string }>>(core(), 'print.jobs', {});
    expect(cancelled).toMatchObject({ status: 'cancelled', reason: { key: 'printing.printerRemoved', params: {} }, printerName: 'Counter' });
    expect(await core().call('print.retry', { jobId })).toMatchObject({ ok: false, error: { key: 'apiErrors.printing.noSuchPrinter' } });
  });

  it('the preview is the exact raster as a PNG, one pixel per dot of the printer', async () => {
    const added = await addNetworkPrinter(core(), 9100, { paperWidth: 58 });
    const { ids, tokens } = await issue(core(), 'Free coffee');
    const preview = await value<PrintPreview>(core(), 'print.preview', { voucherId: ids[0], printerId: added.id });
    expect(preview).toMatchObject({ mime: 'image/png', width: 384, paperWidth: 58 });
    expect(zbarDecodeBytes(Buffer.from(preview.base64, 'base64'))).toContain(tokens[0]);
  });

  it('a system printer in the browser host: the job waits for the browser, which prints its pages and marks it done', async () => {
    const office = await value<Printer>(core(), 'printers.add', { kind: 'system', name: 'Office', paperWidth: 80 });
    const { ids, tokens } = await issue(core(), 'Free coffee');
    const created = await value<PrintJobCreated>(core(), 'print.voucher', { voucherId: ids[0], printerId: office.id, copies: 2 });
    expect(created.printInBrowser).toBe(true);
    const pages = await value<PrintPages>(core(), 'print.pages', { jobId: created.jobId });
    expect(pages).toMatchObject({ jobId: created.jobId, paperWidth: 80, dots: 576 });
    expect(pages.pages).toHaveLength(2);
    expect(zbarDecodeBytes(Buffer.from(pages.pages[0]!, 'base64'))).toContain(tokens[0]);
    const done = await value<{ status: string; done: number }>(core(), 'print.markDone', { jobId: created.jobId });
    expect(done).toMatchObject({ status: 'done', done: 2 });
    expect(await core().call('print.markDone', { jobId: created.jobId })).toMatchObject({ ok: false, error: { key: 'apiErrors.printing.notMarkable' } });
    // the test page of a system printer goes to the browser too, as a 1-bit PNG
    const test = await value<PrintJobCreated>(core(), 'printers.test', { id: office.id });
    const testPages = await value<PrintPages>(core(), 'print.pages', { jobId: test.jobId });
    expect(zbarDecodeBytes(Buffer.from(testPages.pages[0]!, 'base64'))).toContain('STAMPDESK-TEST');
  });

  it('only the moves a job state allows: pause, resume, cancel, markDone each refuse the others', async () => {
    printer = await startVirtualPrinter({ port: 0 });
    printer.setPaper('out');
    await addNetworkPrinter(core(), printer.port);
    const { ids } = await issue(core(), 'Free coffee');
    const { jobId } = await value<PrintJobCreated>(core(), 'print.voucher', { voucherId: ids[0] });
    expect(await core().call('print.resume', { jobId })).toMatchObject({ ok: false, error: { key: 'apiErrors.printing.notResumable' } });
    expect(await core().call('print.markDone', { jobId })).toMatchObject({ ok: false, error: { key: 'apiErrors.printing.notMarkable' } });
    expect(await value(core(), 'print.cancel', { jobId })).toMatchObject({ status: 'cancelled' });
    expect(await core().call('print.pause', { jobId })).toMatchObject({ ok: false, error: { key: 'apiErrors.printing.notPausable' } });
    expect(await core().call('print.cancel', { jobId })).toMatchObject({ ok: false, error: { key: 'apiErrors.printing.notCancellable' } });
    expect(await core().call('print.retry', { jobId: 999 })).toMatchObject({ ok: false, error: { key: 'apiErrors.printing.noSuchJob' } });
  });
});
