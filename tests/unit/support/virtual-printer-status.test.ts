import { afterEach, describe, expect, it } from 'vitest';
import { startVirtualPrinter, type VirtualPrinter } from '../../support/virtual-printer';
import { connect, escPos, fillUntilStuck, readBytes, sendJob } from './virtual-printer-builders';

let printer: VirtualPrinter | null = null;
afterEach(async () => {
  await printer?.close();
  printer = null;
});

const probe = Buffer.concat([1, 2, 3, 4].map((n) => escPos.dleEot(n)));
const valid = (b: number) => (b & 0x93) === 0x12;

describe('virtual printer: status replies', () => {
  it('answers DLE EOT 1–4 for each state with the documented bytes', async () => {
    printer = await startVirtualPrinter();
    const ask = async () => {
      const socket = await connect(printer!.port);
      const reply = readBytes(socket, 4);
      socket.write(probe);
      const bytes = [...(await reply)];
      socket.destroy();
      return bytes;
    };
    expect(await ask()).toEqual([0x12, 0x12, 0x12, 0x12]);
    printer.setPaper('near-end');
    expect(await ask()).toEqual([0x12, 0x12, 0x12, 0x1e]);
    printer.setPaper('out');
    expect(await ask()).toEqual([0x1a, 0x32, 0x12, 0x7e]);
    printer.setPaper('ok');
    printer.setCoverOpen(true);
    expect(await ask()).toEqual([0x1a, 0x16, 0x12, 0x12]);
    printer.setCoverOpen(false);
    await printer.setFault('paper-out');
    const out = await ask();
    expect(out).toEqual([0x1a, 0x32, 0x12, 0x7e]);
    expect(out.every(valid)).toBe(true);
    // a connection that only asked for status is a probe, not a job
    expect(printer.jobs).toHaveLength(0);
  });

  it('answers GS r 1 and GS ( H fn 48 after the data before them has printed', async () => {
    printer = await startVirtualPrinter();
    const replies = await sendJob(printer.port, Buffer.concat([escPos.init(), escPos.text('x'), escPos.lf(), escPos.gsR1(), escPos.gsH('AB12')]));
    expect([...replies]).toEqual([0x00, 0x37, 0x22, 0x41, 0x42, 0x31, 0x32, 0x00]);
    const [job] = await printer.waitForJobs(1);
    expect(job!.statusQueries).toBe(2);
  });

  it('while out of paper: answers status, prints nothing, holds GS r; the held job prints once when paper is loaded', async () => {
    printer = await startVirtualPrinter();
    printer.setPaper('out');
    const socket = await connect(printer.port);
    socket.write(Buffer.concat([escPos.init(), escPos.text('held coupon'), escPos.lf(), escPos.cut(), escPos.gsR1()]));
    socket.write(escPos.dleEot(4));
    expect([...(await readBytes(socket, 1))]).toEqual([0x7e]);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(printer.jobs).toHaveLength(0);
    // no GS r reply while out: the next byte to come is the answer to a fresh DLE EOT 1
    socket.write(escPos.dleEot(1));
    expect([...(await readBytes(socket, 1))]).toEqual([0x1a]);

    const closed = new Promise((resolve) => socket.once('close', resolve));
    socket.end();
    const gsR = readBytes(socket, 1);
    printer.setPaper('ok');
    expect([...(await gsR)]).toEqual([0x00]);
    await closed;
    const [job] = await printer.waitForJobs(1);
    expect(job!.text).toBe('held coupon');
    expect(job!.pages).toHaveLength(1);
    printer.setPaper('out');
    printer.setPaper('ok');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(printer.jobs).toHaveLength(1);
  });

  it('stops printing while the cover is open and goes on when it is closed', async () => {
    printer = await startVirtualPrinter();
    printer.setCoverOpen(true);
    const sent = sendJob(printer.port, Buffer.concat([escPos.init(), escPos.text('after cover'), escPos.lf(), escPos.cut()]));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(printer.jobs).toHaveLength(0);
    printer.setCoverOpen(false);
    await sent;
    const [job] = await printer.waitForJobs(1);
    expect(job!.text).toBe('after cover');
  });

  it('sends the automatic status back (GS a) at once and on every change', async () => {
    printer = await startVirtualPrinter();
    const socket = await connect(printer.port);
    const first = readBytes(socket, 4);
    socket.write(Buffer.from([0x1d, 0x61, 0x4f]));
    expect([...(await first)]).toEqual([0x10, 0x00, 0x00, 0x00]);
    const change = readBytes(socket, 4);
    printer.setPaper('out');
    expect([...(await change)]).toEqual([0x18, 0x00, 0x0f, 0x00]);
    socket.destroy();
  });
});

describe('virtual printer: its receive buffer while offline', () => {
  it('reads no more than its buffer while out of paper, so the sender backs up; loaded again, it reads and prints all', async () => {
    printer = await startVirtualPrinter();
    printer.setPaper('out');
    const socket = await connect(printer.port);
    socket.write(Buffer.concat([escPos.init(), escPos.text('first'), escPos.lf()]));
    expect(await fillUntilStuck(socket)).toBe(true);
    const closed = new Promise((resolve) => socket.once('close', resolve));
    socket.end(Buffer.concat([escPos.text('last'), escPos.lf(), escPos.cut()]));
    printer.setPaper('ok');
    await closed;
    const [job] = await printer.waitForJobs(1, 20_000);
    expect(job!.text).toBe('first\nlast');
    expect(job!.complete).toBe(true);
  });
});
