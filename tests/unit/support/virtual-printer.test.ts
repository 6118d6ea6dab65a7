import { afterEach, describe, expect, it } from 'vitest';
import { startVirtualPrinter, type VirtualPrinter } from '../../support/virtual-printer';
import { zbarDecodeBytes } from '../../support/zbar';
import { escPos, packRows, readPng, sendJob } from './virtual-printer-builders';

let printer: VirtualPrinter | null = null;
afterEach(async () => {
  await printer?.close();
  printer = null;
});

const checker = (x: number, y: number) => ((x >> 3) + (y >> 3)) % 2 === 0 || x === y;

describe('virtual printer: ESC/POS raster and codes', () => {
  it('draws a GS v 0 raster dot for dot, centred on the 80 mm paper, and a cut ends the page', async () => {
    printer = await startVirtualPrinter();
    const data = packRows(64, 16, checker);
    await sendJob(printer.port, Buffer.concat([escPos.init(), escPos.raster(8, 16, data), escPos.cut()]));
    const [job] = await printer.waitForJobs(1);
    expect(job!.pages).toHaveLength(1);
    expect(job!.cuts).toBe(1);
    expect(job!.rasterRows).toBe(16);
    expect(job!.complete).toBe(true);
    const page = await readPng(job!.pages[0]!.png);
    expect(page.width).toBe(640);
    const margin = (640 - 576) / 2;
    for (let y = 0; y < 16; y++) for (let x = 0; x < 64; x++) expect(page.black(margin + x, y)).toBe(checker(x, y));
    for (let y = 0; y < 16; y++) expect(page.black(margin - 1, y) || page.black(margin + 64, y)).toBe(false);
  });

  it('prints the same picture when the raster arrives in many small TCP chunks', async () => {
    printer = await startVirtualPrinter({ paper: 58 });
    const pattern = (x: number, y: number) => (x * 7 + y * 3) % 11 < 4;
    const job = Buffer.concat([escPos.init(), escPos.raster(48, 120, packRows(384, 120, pattern)), escPos.cut()]);
    await sendJob(printer.port, job);
    await sendJob(printer.port, job, 97);
    const [whole, chunked] = await printer.waitForJobs(2);
    expect(chunked!.bytes).toBe(job.length);
    expect(chunked!.rasterRows).toBe(120);
    const a = await readPng(whole!.pages[0]!.png);
    const b = await readPng(chunked!.pages[0]!.png);
    expect(b.width).toBe(464);
    for (let y = 0; y < 120; y++) for (let x = 0; x < 384; x++) expect(b.black(40 + x, y)).toBe(pattern(x, y));
    expect(Buffer.compare(whole!.pages[0]!.png, chunked!.pages[0]!.png)).toBe(0);
    expect(a.height).toBe(b.height);
  });

  it('draws native GS ( k QR and GS k Code 128 as codes that zbarimg reads', async () => {
    printer = await startVirtualPrinter();
    const job = Buffer.concat([
      escPos.init(),
      escPos.align(1),
      escPos.qr('https://example.com/v/ABCD-EFGH'),
      escPos.lf(),
      escPos.code128('{BABCD-1234'),
      escPos.lf(),
      escPos.cut(),
    ]);
    await sendJob(printer.port, job);
    const [printed] = await printer.waitForJobs(1);
    expect(printed!.qr).toEqual(['https://example.com/v/ABCD-EFGH']);
    expect(printed!.barcodes).toEqual(['ABCD-1234']);
    const found = zbarDecodeBytes(printed!.pages[0]!.png);
    expect(found).toContain('https://example.com/v/ABCD-EFGH');
    expect(found).toContain('ABCD-1234');
  });

  it('reads Code 128 code set C and the {{ escape as the characters they encode', async () => {
    printer = await startVirtualPrinter();
    const data = Buffer.concat([Buffer.from('{C', 'latin1'), Buffer.from([12, 34, 56]), Buffer.from('{BX{{Y', 'latin1')]);
    await sendJob(printer.port, Buffer.concat([escPos.init(), escPos.code128(data), escPos.lf(), escPos.cut()]));
    const [printed] = await printer.waitForJobs(1);
    expect(printed!.barcodes).toEqual(['123456X{Y']);
    expect(zbarDecodeBytes(printed!.pages[0]!.png)).toEqual(['123456X{Y']);
  });

  it('draws ESC * 24-dot column bands dot for dot', async () => {
    printer = await startVirtualPrinter();
    const columns = 40;
    const data = new Uint8Array(columns * 3);
    const black = (x: number, y: number) => (x + y) % 5 === 0;
    for (let x = 0; x < columns; x++) for (let y = 0; y < 24; y++) if (black(x, y)) data[x * 3 + (y >> 3)]! |= 0x80 >> (y & 7);
    await sendJob(printer.port, Buffer.concat([escPos.init(), escPos.lineSpacing(24), escPos.column24(columns, data), escPos.lf(), escPos.column24(columns, data), escPos.lf(), escPos.cut()]));
    const [printed] = await printer.waitForJobs(1);
    expect(printed!.rasterRows).toBe(48);
    const page = await readPng(printed!.pages[0]!.png);
    expect(page.height).toBe(48);
    for (let y = 0; y < 48; y++) for (let x = 0; x < columns; x++) expect(page.black(32 + x, y)).toBe(black(x, y % 24));
  });

  it('cuts off dots beyond the printable width and records how many', async () => {
    printer = await startVirtualPrinter({ paper: 58 });
    await sendJob(printer.port, Buffer.concat([escPos.init(), escPos.raster(72, 4, packRows(576, 4, () => true)), escPos.cut()]));
    const [printed] = await printer.waitForJobs(1);
    expect(printed!.overflowDots).toBe(576 - 384);
    const page = await readPng(printed!.pages[0]!.png);
    expect(page.black(40, 1) && page.black(40 + 383, 1)).toBe(true);
    expect(page.black(39, 1) || page.black(40 + 384, 1)).toBe(false);
  });

  it('prints text bytes as text, shows a byte its code page lacks as ?, and records an unknown command', async () => {
    printer = await startVirtualPrinter();
    const job = Buffer.concat([
      escPos.init(),
      escPos.text('Hello shop'),
      escPos.lf(),
      Buffer.from([0x1b, 0x74, 20]), // ESC t 20: a Thai page this printer does not model
      Buffer.from([0xa1, 0xa2]),
      escPos.lf(),
      Buffer.from([0x1b, 0x7e]), // not a command
      escPos.text('after'),
      escPos.lf(),
      escPos.cut(),
    ]);
    await sendJob(printer.port, job);
    const [printed] = await printer.waitForJobs(1);
    expect(printed!.text).toBe('Hello shop\n??\nafter');
    expect(printed!.codePages).toEqual(['ESC t 20']);
    expect(printed!.unknownCommands).toEqual(['ESC ~']);
    const page = await readPng(printed!.pages[0]!.png);
    let ink = 0;
    for (let y = 0; y < 30; y++) for (let x = 32; x < 32 + 120; x++) if (page.black(x, y)) ink++;
    expect(ink).toBeGreaterThan(50);
  });

  it('makes one page per cut and a page of the tail that drew something', async () => {
    printer = await startVirtualPrinter({ outDir: undefined });
    await sendJob(printer.port, Buffer.concat([escPos.init(), escPos.text('one'), escPos.lf(), escPos.cutFeed(40), escPos.text('two'), escPos.lf()]));
    const [printed] = await printer.waitForJobs(1);
    expect(printed!.cuts).toBe(1);
    expect(printed!.pages).toHaveLength(2);
    expect(printed!.pages[0]!.height).toBe(30 + 40);
  });
});

describe('virtual printer: GS ( L graphics and real-time bytes inside data', () => {
  it('stores a GS ( L fn 112 graphic and prints it at fn 50, dot for dot', async () => {
    printer = await startVirtualPrinter();
    const [w, h] = [20, 10];
    const pattern = (x: number, y: number) => x === y || x === 19 - y;
    const data = packRows(24, h, (x, y) => x < w && pattern(x, y));
    const body = Buffer.concat([Buffer.from([0x30, 0x70, 0x30, 0x01, 0x01, 0x31, w, 0, h, 0]), data]);
    const store = Buffer.concat([Buffer.from([0x1d, 0x28, 0x4c, body.length & 0xff, body.length >> 8]), body]);
    const print = Buffer.from([0x1d, 0x28, 0x4c, 0x02, 0x00, 0x30, 0x32]);
    await sendJob(printer.port, Buffer.concat([escPos.init(), store, print, escPos.cut()]));
    const [job] = await printer.waitForJobs(1);
    expect(job!.unknownCommands).toEqual([]);
    const page = await readPng(job!.pages[0]!.png);
    expect(page.height).toBe(h);
    for (let y = 0; y < h; y++) for (let x = 0; x < 24; x++) expect(page.black(32 + x, y)).toBe(x < w && pattern(x, y));
  });

  it('answers DLE EOT bytes met inside raster data, as a real printer does, and still prints the raster', async () => {
    printer = await startVirtualPrinter();
    const data = new Uint8Array(8 * 4);
    data.set([0x10, 0x04, 0x01], 5); // the three bytes of DLE EOT 1 inside the picture
    data.set([0x10, 0x04, 0x40], 12); // and 10 04 n with an n that is no request: no answer, nothing unknown
    const replies = await sendJob(printer.port, Buffer.concat([escPos.init(), escPos.raster(8, 4, data), escPos.cut()]));
    expect([...replies]).toEqual([0x12]);
    const [job] = await printer.waitForJobs(1);
    expect(job!.rasterRows).toBe(4);
    expect(job!.unknownCommands).toEqual([]);
  });
});

describe('virtual printer: any byte stream', () => {
  it('never crashes on random bytes: the job is recorded with what it could not read', async () => {
    printer = await startVirtualPrinter();
    let seed = 12345;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const noise = Buffer.alloc(100_000);
    for (let i = 0; i < noise.length; i++) noise[i] = random() < 0.2 ? [0x1b, 0x1d, 0x1c, 0x10, 0x0a][Math.floor(random() * 5)]! : Math.floor(random() * 256);
    await sendJob(printer.port, Buffer.concat([noise, escPos.init(), escPos.cut()]), 4096);
    const [job] = await printer.waitForJobs(1, 20_000);
    expect(job!.bytes).toBe(noise.length + 5);
    expect(job!.unknownCommands.length).toBeGreaterThan(0);
  });
});
