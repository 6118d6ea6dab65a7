import { byteToChar, type CodePage } from './codepage';
import { Page, type Align, type DotImage } from './page';

/** Font A cell of ESC/POS and Star printers: 12 × 24 dots. */
export const CELL_WIDTH = 12;
export const CELL_HEIGHT = 24;

type LineItem =
  | { kind: 'char'; x: number; width: number; height: number; ch: string; bold: boolean }
  | { kind: 'image'; x: number; image: DotImage; scaleX: number; scaleY: number };

/**
 * The state of one job (one connection) while its commands run: the page under the head, the line being
 * collected, the print modes, and what the job has printed so far. The command parsers (escpos.ts, star.ts) act on it.
 */
export class JobState {
  readonly dots: number;
  page: Page;
  readonly pages: Page[] = [];
  language: 'esc-pos' | 'star' | null = null;

  // print modes (reset by ESC @)
  align: Align = 'left';
  lineSpacing = 30;
  charWidth = 1;
  charHeight = 1;
  bold = false;
  codePage: CodePage = 'cp437';
  leftMargin = 0;
  areaWidth = Infinity;

  private line: LineItem[] = [];
  private lineX = 0;
  private readonly textLines: string[] = [];

  readonly qr: string[] = [];
  readonly barcodes: string[] = [];
  readonly unknownCommands: string[] = [];
  readonly codePages: string[] = [];
  readonly notes: string[] = [];
  cuts = 0;
  statusQueries = 0;
  rasterRows = 0;
  etbCount = 0;

  constructor(dots: number) {
    this.dots = dots;
    this.page = new Page(dots);
  }

  /** ESC @: modes back to power-on values; the buffer's unprinted line is dropped, the paper stays. */
  initialize(): void {
    this.align = 'left';
    this.lineSpacing = this.language === 'star' ? 32 : 30;
    this.charWidth = 1;
    this.charHeight = 1;
    this.bold = false;
    this.codePage = 'cp437';
    this.leftMargin = 0;
    this.areaWidth = Infinity;
    this.line = [];
    this.lineX = 0;
  }

  unknown(command: string): void {
    if (this.unknownCommands.length < 200) this.unknownCommands.push(command);
  }

  note(text: string): void {
    if (!this.notes.includes(text) && this.notes.length < 100) this.notes.push(text);
  }

  private get area(): number {
    return Math.max(0, Math.min(this.areaWidth, this.dots - this.leftMargin));
  }

  get lineHasContent(): boolean {
    return this.line.length > 0;
  }

  /** A text byte: its glyph goes into the line; a full line prints and the text wraps, as on paper. */
  putByte(byte: number): void {
    const ch = byteToChar(byte, this.codePage);
    const width = CELL_WIDTH * this.charWidth;
    if (this.lineX + width > this.area && this.lineX > 0) this.printLine(this.lineSpacing);
    this.line.push({ kind: 'char', x: this.lineX, width, height: CELL_HEIGHT * this.charHeight, ch, bold: this.bold });
    this.lineX += width;
  }

  /** HT: to the next tab stop (every 8 characters). */
  tab(): void {
    const stop = CELL_WIDTH * 8;
    this.lineX = (Math.floor(this.lineX / stop) + 1) * stop;
  }

  moveTo(x: number): void {
    if (x >= 0 && x < this.area) this.lineX = x;
  }

  moveBy(dx: number): void {
    this.moveTo(this.lineX + dx);
  }

  /** A column image (ESC *, ESC X) goes into the line at the current position. */
  putColumnImage(image: DotImage, scaleX: number, scaleY: number): void {
    this.line.push({ kind: 'image', x: this.lineX, image, scaleX, scaleY });
    this.lineX += image.width * scaleX;
    this.rasterRows += image.height * scaleY;
  }

  /** Prints the line (aligned) at the top of the unprinted paper and feeds max(feedDots, the line's height). */
  printLine(feedDots: number): void {
    let height = 0;
    for (const item of this.line) height = Math.max(height, item.kind === 'char' ? item.height : item.image.height * item.scaleY);
    if (this.line.length > 0) {
      const top = this.page.height;
      const x0 = this.page.alignedX(this.lineX, this.align, this.leftMargin);
      const text: string[] = [];
      for (const item of this.line) {
        if (item.kind === 'char') {
          this.page.placeText({ x: x0 + item.x, y: top + height - item.height, width: item.width, height: item.height, ch: item.ch, bold: item.bold });
          text.push(item.ch);
        } else {
          const h = item.image.height * item.scaleY;
          this.page.blit(item.image, x0 + item.x, top + height - h, item.scaleX, item.scaleY);
        }
      }
      const joined = text.join('').trimEnd();
      if (joined.length > 0) this.textLines.push(joined);
    }
    this.page.feed(Math.max(feedDots, height));
    this.line = [];
    this.lineX = 0;
  }

  /** Ends a pending line before a command that prints on its own (raster, QR, barcode, cut). */
  endLine(): void {
    if (this.line.length > 0) this.printLine(0);
  }

  feed(dots: number): void {
    this.endLine();
    this.page.feed(dots);
  }

  /** A raster image or a native code: printed on its own rows, aligned, then the paper moves past it. */
  putBlock(image: DotImage, scaleX = 1, scaleY = 1, countRows = true): void {
    this.endLine();
    const width = image.width * scaleX;
    const x = this.page.alignedX(width, this.align, this.leftMargin);
    this.page.blit(image, x, this.page.height, scaleX, scaleY);
    this.page.feed(image.height * scaleY);
    if (countRows) this.rasterRows += image.height * scaleY;
  }

  cut(feedDots = 0): void {
    this.endLine();
    this.page.feed(feedDots);
    this.cuts++;
    this.pages.push(this.page);
    this.page = new Page(this.dots);
  }

  /** The connection ended: a line never ended by LF stays in the buffer, unprinted, as on a real printer. */
  finish(): { pages: Page[]; text: string; overflowDots: number } {
    if (this.line.length > 0) this.note('text left in the line buffer without LF was not printed');
    if (this.page.drewSomething) this.pages.push(this.page);
    const overflowDots = this.pages.reduce((max, p) => Math.max(max, p.overflowDots), 0);
    return { pages: this.pages, text: this.textLines.join('\n'), overflowDots };
  }
}
