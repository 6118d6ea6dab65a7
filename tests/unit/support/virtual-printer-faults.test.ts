import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { startVirtualPrinter, type VirtualPrinter } from '../../support/virtual-printer';
import { connect, escPos, fillUntilStuck, packRows, sendJob } from './virtual-printer-builders';

let printer: VirtualPrinter | null = null;
afterEach(async () => {
  await printer?.close();
  printer = null;
});

const coupon = () => Buffer.concat([escPos.init(), escPos.text('coupon'), escPos.lf(), escPos.cut()]);

function connectError(port: number): Promise<string> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve('connected');
    });
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'));
  });
}

describe('virtual printer: faults', () => {
  it('refuse: nothing listens; setFault(null) listens again on the same port', async () => {
    printer = await startVirtualPrinter({ fault: 'refuse' });
    const port = printer.port;
    expect(port).toBeGreaterThan(0);
    expect(await connectError(port)).toBe('ECONNREFUSED');
    await printer.setFault(null);
    expect(printer.port).toBe(port);
    await sendJob(port, coupon());
    const [job] = await printer.waitForJobs(1);
    expect(job!.text).toBe('coupon');
    await printer.setFault('refuse');
    expect(await connectError(port)).toBe('ECONNREFUSED');
  });

  it('stall: reads stallAfterBytes, then stops reading until the client write buffer fills', async () => {
    printer = await startVirtualPrinter({ fault: 'stall', stallAfterBytes: 1000 });
    const socket = await connect(printer.port);
    expect(await fillUntilStuck(socket)).toBe(true);
    expect(socket.writableLength).toBeGreaterThan(0);
    expect(printer.jobs).toHaveLength(0);
    socket.destroy();
  });

  it('stall ends when the fault is cleared: the printer reads on and prints the whole job', async () => {
    printer = await startVirtualPrinter({ fault: 'stall', stallAfterBytes: 100 });
    const job = Buffer.concat([escPos.init(), escPos.raster(72, 200, packRows(576, 200, (x, y) => (x ^ y) % 3 === 0)), escPos.text('end'), escPos.lf(), escPos.cut()]);
    const sent = sendJob(printer.port, job);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(printer.jobs).toHaveLength(0);
    await printer.setFault(null);
    await sent;
    const [printed] = await printer.waitForJobs(1);
    expect(printed!.bytes).toBe(job.length);
    expect(printed!.rasterRows).toBe(200);
    expect(printed!.text).toBe('end');
  });

  it('drop: reads dropAfterBytes then resets the connection; the client sees ECONNRESET', async () => {
    printer = await startVirtualPrinter({ fault: 'drop', dropAfterBytes: 3000 });
    const socket = await connect(printer.port);
    const error = new Promise<string>((resolve) => socket.once('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? '')));
    const data = Buffer.concat([escPos.init(), escPos.raster(72, 300, packRows(576, 300, (x) => x % 2 === 0)), escPos.cut()]);
    socket.write(data);
    expect(['ECONNRESET', 'EPIPE']).toContain(await error);
    const [job] = await printer.waitForJobs(1);
    expect(job!.bytes).toBe(3000);
    expect(job!.complete).toBe(false);
    expect(job!.cuts).toBe(0);
    expect(job!.notes.join(' ')).toMatch(/ended inside a command/);
  });

  it('faults change while running: a dropped printer works again after setFault(null)', async () => {
    printer = await startVirtualPrinter({ fault: 'drop', dropAfterBytes: 4 });
    await expect(sendJob(printer.port, coupon())).resolves.toBeDefined();
    await printer.setFault(null);
    await sendJob(printer.port, coupon());
    const jobs = await printer.waitForJobs(2);
    expect(jobs.map((j) => j.complete)).toEqual([false, true]);
    expect(jobs[1]!.text).toBe('coupon');
  });
});
