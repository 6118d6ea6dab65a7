import { afterEach, describe, expect, it } from 'vitest';
import { startVirtualPrinter, type VirtualPrinter } from '../../support/virtual-printer';
import { zbarDecodeBytes } from '../../support/zbar';
import { connect, escPos, packRows, readBytes, readPng, sendJob, star } from './virtual-printer-builders';

let printer: VirtualPrinter | null = null;
afterEach(async () => {
  await printer?.close();
  printer = null;
});

describe('virtual printer: StarPRNT and Star Line', () => {
  it('draws an ESC GS S raster dot for dot and cuts at ESC d', async () => {
    printer = await startVirtualPrinter({ paper: 58 });
    const pattern = (x: number, y: number) => x % 9 < 3 !== y % 7 < 2;
    await sendJob(printer.port, Buffer.concat([star.init(), star.raster(48, 40, packRows(384, 40, pattern)), star.cut()]));
    const [job] = await printer.waitForJobs(1);
    expect(job!.language).toBe('star');
    expect(job!.cuts).toBe(1);
    expect(job!.pages).toHaveLength(1);
    const page = await readPng(job!.pages[0]!.png);
    expect(page.height).toBe(40);
    for (let y = 0; y < 40; y++) for (let x = 0; x < 384; x++) expect(page.black(40 + x, y)).toBe(pattern(x, y));
  });

  it('draws Star Line ESC X 24-dot bands dot for dot', async () => {
    printer = await startVirtualPrinter();
    const columns = 30;
    const black = (x: number, y: number) => (x * y) % 7 === 1;
    const data = new Uint8Array(columns * 3);
    for (let x = 0; x < columns; x++) for (let y = 0; y < 24; y++) if (black(x, y)) data[x * 3 + (y >> 3)]! |= 0x80 >> (y & 7);
    const band = Buffer.concat([star.column24(columns, data), Buffer.from([0x0a, 0x0d])]);
    await sendJob(printer.port, Buffer.concat([star.init(), Buffer.from([0x1b, 0x30]), band, band, star.cut()]));
    const [job] = await printer.waitForJobs(1);
    expect(job!.rasterRows).toBe(48);
    const page = await readPng(job!.pages[0]!.png);
    expect(page.height).toBe(48);
    for (let y = 0; y < 48; y++) for (let x = 0; x < columns; x++) expect(page.black(32 + x, y)).toBe(black(x, y % 24));
  });

  it('draws a StarPRNT QR (ESC GS y) and a Star Code 128 (ESC b) that zbarimg reads', async () => {
    printer = await startVirtualPrinter();
    await sendJob(printer.port, Buffer.concat([star.init(), star.qr('STAR-QR-42'), Buffer.from([0x0a]), star.code128('STAR-128'), Buffer.from([0x0a]), star.cut()]));
    const [job] = await printer.waitForJobs(1);
    expect(job!.qr).toEqual(['STAR-QR-42']);
    expect(job!.barcodes).toEqual(['STAR-128']);
    const found = zbarDecodeBytes(job!.pages[0]!.png);
    expect(found).toContain('STAR-QR-42');
    expect(found).toContain('STAR-128');
  });

  it('answers ESC ACK SOH with a Star ASB and counts ETB; paper out shows in the ASB', async () => {
    printer = await startVirtualPrinter();
    const socket = await connect(printer.port);
    const first = readBytes(socket, 9);
    socket.write(Buffer.concat([star.init(), Buffer.from([0x1b, 0x1d, 0x61, 0x00]), star.asbRequest()]));
    const asb = [...(await first)];
    expect(asb).toHaveLength(9);
    expect(asb[0]! & 0x91).toBe(0x01); // header 1: 0xx0xxx1
    expect(((asb[0]! >> 1) & 7) | ((asb[0]! >> 2) & 8)).toBe(9);
    expect(asb[2]! & 0x28).toBe(0); // online, cover closed
    expect(asb[5]! & 0x08).toBe(0); // paper present

    const second = readBytes(socket, 9);
    socket.write(Buffer.concat([star.etb(), star.etb(), star.asbRequest()]));
    const counted = [...(await second)];
    expect(counted[7]).toBe(2 << 1);

    printer.setPaper('out');
    const third = readBytes(socket, 9);
    socket.write(star.asbRequest());
    const out = [...(await third)];
    expect(out[2]! & 0x08).toBe(0x08); // offline
    expect(out[5]! & 0x08).toBe(0x08); // paper empty
    socket.destroy();
  });

  it('reads ESC d as a cut in Star and as a feed in ESC/POS', async () => {
    printer = await startVirtualPrinter();
    await sendJob(printer.port, Buffer.concat([escPos.init(), escPos.text('a'), Buffer.from([0x1b, 0x64, 0x02]), escPos.cut()]));
    await sendJob(printer.port, Buffer.concat([star.init(), Buffer.from([0x1b, 0x1d, 0x61, 0x00]), Buffer.from('b\n', 'latin1'), Buffer.from([0x1b, 0x64, 0x02])]));
    const [esc, starJob] = await printer.waitForJobs(2);
    expect(esc!.cuts).toBe(1);
    expect(esc!.pages[0]!.height).toBe(60);
    expect(starJob!.cuts).toBe(1);
    expect(starJob!.text).toBe('b');
  });
});
