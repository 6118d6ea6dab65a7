/**
 * One page of paper as the print head leaves it: `dots` across, growing downwards, one byte per dot (1 = burnt),
 * plus the text glyphs placed on it (drawn as text when the page is rendered). A cut ends a page.
 */

export type Align = 'left' | 'center' | 'right';

export interface PlacedText {
  x: number;
  y: number;
  /** Cell size in dots (font A is 12 × 24, scaled by the character size). */
  width: number;
  height: number;
  ch: string;
  bold: boolean;
}

export interface DotImage {
  width: number;
  height: number;
  /** Row-major, one byte per dot, 1 = black. */
  dots: Uint8Array;
}

export class Page {
  readonly width: number;
  private rows: Uint8Array;
  private capacity: number;
  /** Rows of paper fed so far (the top of the next line). */
  height = 0;
  readonly texts: PlacedText[] = [];
  drewSomething = false;
  /** Widest overrun beyond the printable width seen on this page, in dots. */
  overflowDots = 0;

  constructor(width: number) {
    this.width = width;
    this.capacity = 256;
    this.rows = new Uint8Array(width * this.capacity);
  }

  private ensure(rows: number): void {
    if (rows <= this.capacity) return;
    let capacity = this.capacity;
    while (capacity < rows) capacity *= 2;
    const next = new Uint8Array(this.width * capacity);
    next.set(this.rows);
    this.rows = next;
    this.capacity = capacity;
  }

  /** Feeds `rows` of paper. */
  feed(rows: number): void {
    if (rows <= 0) return;
    this.ensure(this.height + rows);
    this.height += rows;
  }

  /** The x where an image of `width` dots starts under `align` (left when it does not fit). */
  alignedX(width: number, align: Align, left = 0): number {
    const room = this.width - left - width;
    if (room <= 0 || align === 'left') return left;
    return left + (align === 'center' ? Math.floor(room / 2) : room);
  }

  /** Burns `image` with its top-left at (x, y); dots beyond the printable width are cut off and recorded. */
  blit(image: DotImage, x: number, y: number, scaleX = 1, scaleY = 1): void {
    const drawnWidth = image.width * scaleX;
    const overflow = x + drawnWidth - this.width;
    if (overflow > 0) this.overflowDots = Math.max(this.overflowDots, overflow);
    this.ensure(y + image.height * scaleY);
    for (let row = 0; row < image.height; row++) {
      for (let col = 0; col < image.width; col++) {
        if (!image.dots[row * image.width + col]) continue;
        for (let sy = 0; sy < scaleY; sy++) {
          const base = (y + row * scaleY + sy) * this.width;
          for (let sx = 0; sx < scaleX; sx++) {
            const px = x + col * scaleX + sx;
            if (px >= 0 && px < this.width) this.rows[base + px] = 1;
          }
        }
      }
    }
    this.drewSomething = true;
  }

  placeText(text: PlacedText): void {
    const overflow = text.x + text.width - this.width;
    if (overflow > 0) this.overflowDots = Math.max(this.overflowDots, overflow);
    this.ensure(text.y + text.height);
    this.texts.push(text);
    this.drewSomething = true;
  }

  /** The burnt dots of rows 0 … height-1 (a copy-free view). */
  dots(): Uint8Array {
    return this.rows.subarray(0, this.width * this.height);
  }
}
