import type { SKRSContext2D } from '@napi-rs/canvas';
import type { MonoRaster } from '../profile';
import type { DotBox } from './mono';
import { receiptSurface, surfaceToRaster } from './surface';
import { drawLine, lineHeight, wrapText, type Align, type Weight, sansFont } from './text';

/** One part of a receipt: its height in dots, and how it paints itself once its top is known. */
export interface Block {
  height: number;
  paint(ctx: SKRSContext2D, top: number, photos: DotBox[]): void;
}

export const space = (height: number): Block => ({ height: Math.round(height), paint: () => {} });

/**
 * A receipt laid out top to bottom: blocks are measured first (on the shared surface), then the surface is sized to
 * their sum, rounded up to whole bands of 8 rows, painted and turned into a raster.
 */
export class Flow {
  readonly blocks: Block[] = [];
  constructor(
    readonly ctx: SKRSContext2D,
    readonly width: number,
    readonly margin: number,
  ) {}

  add(...blocks: Block[]): this {
    this.blocks.push(...blocks);
    return this;
  }

  /** Wrapped text lines in one font. */
  text(text: string, size: number, options: { weight?: Weight; direction: 'ltr' | 'rtl'; align: Align; maxLines: number; font?: string }): this {
    const font = options.font ?? sansFont(size, options.weight);
    for (const line of wrapText(this.ctx, text, font, options.direction, this.width - 2 * this.margin, options.maxLines)) {
      this.add({ height: lineHeight(size), paint: (ctx, top) => drawLine(ctx, line, font, size, options.direction, options.align, top, this.margin, this.width) });
    }
    return this;
  }

  render(): MonoRaster {
    const total = this.blocks.reduce((sum, b) => sum + b.height, 0);
    const height = Math.max(8, Math.ceil(total / 8) * 8);
    const ctx = receiptSurface(this.width, height);
    const photos: DotBox[] = [];
    let top = 0;
    for (const block of this.blocks) {
      block.paint(ctx, top, photos);
      top += block.height;
    }
    return surfaceToRaster(ctx, this.width, height, photos);
  }
}

/** A flow on the shared surface of this width (the surface doubles as the measuring context). */
export function newFlow(width: number, margin: number): Flow {
  return new Flow(receiptSurface(width, 8), width, margin);
}
