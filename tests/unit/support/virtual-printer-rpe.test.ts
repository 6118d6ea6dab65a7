import ReceiptPrinterEncoder from '@point-of-sale/receipt-printer-encoder';
import { afterEach, describe, expect, it } from 'vitest';
import { startVirtualPrinter, type VirtualPrinter } from '../../support/virtual-printer';
import { zbarDecodeBytes } from '../../support/zbar';
import { readPng, sendJob } from './virtual-printer-builders';

/**
 * A cross-check, not the parser: what @point-of-sale/receipt-printer-encoder (the encoder the app uses) emits is
 * read by the virtual printer, written from the command references, and both must agree on the picture.
 */
let printer: VirtualPrinter | null = null;
afterEach(async () => {
  await printer?.close();
  printer = null;
});

const WIDTH = 64;
const HEIGHT = 48;
const black = (x: number, y: number) => (Math.floor(x / 4) + Math.floor(y / 6)) % 2 === 0 || x === 5;

function picture() {
  const data = new Uint8ClampedArray(WIDTH * HEIGHT * 4).fill(255);
  for (let y = 0; y < HEIGHT; y++) for (let x = 0; x < WIDTH; x++) if (black(x, y)) data.fill(0, (y * WIDTH + x) * 4, (y * WIDTH + x) * 4 + 3);
  return { width: WIDTH, height: HEIGHT, data };
}

type Language = 'esc-pos' | 'star-prnt' | 'star-line';

const cases: Array<{ language: Language; imageMode: 'raster' | 'column' }> = [
  { language: 'esc-pos', imageMode: 'raster' },
  { language: 'esc-pos', imageMode: 'column' },
  { language: 'star-prnt', imageMode: 'raster' },
  { language: 'star-line', imageMode: 'column' },
];

describe('virtual printer reads what receipt-printer-encoder writes', () => {
  it.each(cases)('$language $imageMode image: drawn dot for dot, no unknown command', async ({ language, imageMode }) => {
    printer = await startVirtualPrinter();
    const encoder = new ReceiptPrinterEncoder({ language, columns: 48, imageMode, errors: 'strict' });
    const bytes = encoder.initialize().image(picture(), WIDTH, HEIGHT, 'threshold').cut().encode();
    await sendJob(printer.port, Buffer.from(bytes));
    const [job] = await printer.waitForJobs(1);
    expect(job!.unknownCommands).toEqual([]);
    expect(job!.cuts).toBe(1);
    expect(job!.language).toBe(language === 'esc-pos' ? 'esc-pos' : 'star');
    const page = await readPng(job!.pages[0]!.png);
    // find the picture's top row: the first row with ink
    let top = 0;
    while (top < page.height && ![...Array(WIDTH).keys()].some((x) => page.black(32 + x, top))) top++;
    for (let y = 0; y < HEIGHT; y++) for (let x = 0; x < WIDTH; x++) expect(page.black(32 + x, top + y)).toBe(black(x, y));
  });

  it.each(['esc-pos', 'star-prnt'] as const)('%s: text, native QR and Code 128 print and decode', async (language) => {
    printer = await startVirtualPrinter();
    const encoder = new ReceiptPrinterEncoder({ language, columns: 48, errors: 'strict' });
    const bytes = encoder
      .initialize()
      .line('Stampdesk')
      .align('center')
      .qrcode('https://example.com/v/K7QX-22', { model: 2, size: 6, errorlevel: 'm' })
      .barcode('K7QX-22', 'code128', { height: 60, width: 2, text: false })
      .align('left')
      .cut()
      .encode();
    await sendJob(printer.port, Buffer.from(bytes));
    const [job] = await printer.waitForJobs(1);
    expect(job!.unknownCommands).toEqual([]);
    expect(job!.text.split('\n')).toContain('Stampdesk');
    expect(job!.qr).toEqual(['https://example.com/v/K7QX-22']);
    expect(job!.barcodes).toEqual(['K7QX-22']);
    const found = zbarDecodeBytes(job!.pages[0]!.png);
    expect(found).toContain('https://example.com/v/K7QX-22');
    expect(found).toContain('K7QX-22');
  });
});
