import type { SKRSContext2D } from '@napi-rs/canvas';
import { MONO, SANS } from '../../coupons/fonts';

export type Weight = 'normal' | 'bold';
export type Align = 'center' | 'start';

export const sansFont = (size: number, weight: Weight = 'normal') => `${weight} ${size}px ${SANS}`;
export const monoFont = (size: number, weight: Weight = 'bold') => `${weight} ${size}px ${MONO}`;

/** A line's height for a font size: room for Thai marks above and below, Gujarati's conjuncts, Arabic's dots. */
export const lineHeight = (size: number) => Math.round(size * 1.5);
/** Where the baseline sits under a line's top. */
const baselineOffset = (size: number) => Math.round(size * 1.12);

/**
 * Breaks text into lines no wider than `maxWidth` at word boundaries (Intl.Segmenter knows where Thai words end,
 * Thai has no spaces), at most `maxLines`, the last one ended with "…" when text is left over.
 */
export function wrapText(ctx: SKRSContext2D, text: string, font: string, direction: 'ltr' | 'rtl', maxWidth: number, maxLines: number): string[] {
  ctx.font = font;
  ctx.direction = direction;
  const words = [...new Intl.Segmenter(undefined, { granularity: 'word' }).segment(text)].map((s) => s.segment);
  const lines: string[] = [];
  let current = '';
  for (const word of words) {
    const candidate = current + word;
    if (current.trim() && ctx.measureText(candidate).width > maxWidth) {
      lines.push(current.trim());
      current = word.trimStart();
    } else current = candidate;
  }
  if (current.trim()) lines.push(current.trim());
  const fitted = lines.map((line) => shorten(ctx, line, maxWidth, false));
  if (fitted.length <= maxLines) return fitted;
  const kept = fitted.slice(0, maxLines);
  kept[maxLines - 1] = shorten(ctx, kept[maxLines - 1]!, maxWidth, true);
  return kept;
}

/** A line cut (by grapheme) to fit `maxWidth`, with "…" where it was cut. */
function shorten(ctx: SKRSContext2D, line: string, maxWidth: number, always: boolean): string {
  if (!always && ctx.measureText(line).width <= maxWidth) return line;
  const graphemes = [...new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(line)].map((s) => s.segment);
  while (graphemes.length > 1 && ctx.measureText(`${graphemes.join('')}…`).width > maxWidth) graphemes.pop();
  return `${graphemes.join('').trimEnd()}…`;
}

/** The largest size from `largest` down to `smallest` at which one line of text fits `maxWidth`. */
export function fitSize(ctx: SKRSContext2D, text: string, font: (size: number) => string, largest: number, smallest: number, maxWidth: number): number {
  let size = largest;
  for (; size > smallest; size -= 1) {
    ctx.font = font(size);
    if (ctx.measureText(text).width <= maxWidth) break;
  }
  return size;
}

/**
 * Draws one line whose box starts at `top`: centred, or at the start edge of the direction (the left margin for
 * left-to-right text, the right margin for right-to-left text, so an azb coupon is laid out mirrored).
 */
export function drawLine(ctx: SKRSContext2D, text: string, font: string, size: number, direction: 'ltr' | 'rtl', align: Align, top: number, margin: number, width: number): void {
  ctx.font = font;
  ctx.direction = direction;
  ctx.fillStyle = '#000000';
  ctx.textBaseline = 'alphabetic';
  if (align === 'center') {
    ctx.textAlign = 'center';
    ctx.fillText(text, width / 2, top + baselineOffset(size));
  } else {
    ctx.textAlign = direction === 'rtl' ? 'right' : 'left';
    ctx.fillText(text, direction === 'rtl' ? width - margin : margin, top + baselineOffset(size));
  }
}
