/**
 * The size of an SVG picture, read from its root element the way renderers read it.
 *
 * Two readers, for two moments:
 * - `cssSvgSize` (upload): what a browser shows: CSS units at 96 px per inch (mm, cm, in, pt, pc), em = 16 px,
 *   ex = 8 px, exponents; a percentage, a missing or an invalid size comes from the viewBox (keeping its ratio),
 *   else 300 × 150. The checked size is then written back onto the stored root as plain pixels with a viewBox,
 *   so every renderer (Skia for coupons, Chromium for the screen) draws the same size.
 * - `skiaSvgSizes` (right before drawing a stored picture, which an older version may have stored unchanged):
 *   every size Skia's SVG module could allocate a bitmap for. Skia reads numbers like C's strtod (hex, `inf`),
 *   ignores what follows a number it cannot read, gives a percentage or em no intrinsic size, and falls back to
 *   the viewBox only when both sides come out zero; a negative or infinite side aborts it.
 */
export interface ViewBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface SvgSize {
  width: number;
  height: number;
  /** The viewBox to store: the picture's own, else the user space the size above spans. */
  viewBox: ViewBox;
}

const PX_PER_UNIT: Record<string, number> = { '': 1, px: 1, in: 96, cm: 96 / 2.54, mm: 96 / 25.4, pt: 96 / 72, pc: 16, em: 16, ex: 8 };
const CSS_NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?/i;
const CSS_LENGTH = new RegExp(`^\\s*(${CSS_NUMBER.source.slice(1)})(px|in|cm|mm|pt|pc|em|ex|%)?\\s*$`, 'i');

/** A CSS length in pixels; `percent` for a percentage; null when absent, invalid or negative (CSS: auto). */
function cssLength(text: string | undefined): number | 'percent' | null {
  const match = text === undefined ? null : CSS_LENGTH.exec(text);
  if (!match) return null;
  const value = Number(match[1]);
  if (!(value >= 0)) return null;
  const unit = (match[2] ?? '').toLowerCase();
  return unit === '%' ? 'percent' : value * PX_PER_UNIT[unit]!;
}

/** The viewBox: four numbers (comma or space separated) with a positive width and height, else null. */
export function parseViewBox(text: string | undefined): ViewBox | null {
  if (text === undefined) return null;
  const parts = text.trim().split(/\s*,\s*|\s+/);
  if (parts.length !== 4 || !parts.every((p) => CSS_NUMBER.test(p) && CSS_NUMBER.exec(p)![0] === p)) return null;
  const [x, y, width, height] = parts.map(Number) as [number, number, number, number];
  return width > 0 && height > 0 && [x, y, width, height].every(Number.isFinite) ? { x, y, width, height } : null;
}

/** The size a browser gives the picture, in CSS pixels (not rounded; may be 0 or huge: the caller checks). */
export function cssSvgSize(attributes: Record<string, string>): SvgSize {
  const viewBox = parseViewBox(attributes.viewBox);
  const w = cssLength(attributes.width);
  const h = cssLength(attributes.height);
  let width = typeof w === 'number' ? w : null;
  let height = typeof h === 'number' ? h : null;
  if (width === null && height === null) {
    width = viewBox?.width ?? 300;
    height = viewBox?.height ?? 150;
  } else if (width === null) width = viewBox ? (height! * viewBox.width) / viewBox.height : 300;
  else if (height === null) height = viewBox ? (width * viewBox.height) / viewBox.width : 150;
  return { width, height: height!, viewBox: viewBox ?? { x: 0, y: 0, width, height: height! } };
}

/** The root attributes to store: the checked size in whole pixels and a viewBox, replacing the picture's own. */
export function writtenRootSize(size: SvgSize): { width: string; height: string; viewBox: string } {
  const { x, y, width, height } = size.viewBox;
  return { width: String(wholePixels(size.width)), height: String(wholePixels(size.height)), viewBox: `${x} ${y} ${width} ${height}` };
}

/** Whole pixels as stored and checked: a finite number even for `1e999`. */
export function wholePixels(value: number): number {
  return Math.min(Math.round(value), Number.MAX_SAFE_INTEGER);
}

/** A number read the way C's strtod reads the start of a string (Skia's parser): decimal, hex, inf, nan. */
function strtodPrefix(text: string): { value: number; rest: string } | null {
  const s = text.replace(/^[ \t\n\v\f\r]+/, '');
  const special = /^([+-]?)(infinity|inf|nan)/i.exec(s);
  if (special) return { value: special[2]!.toLowerCase() === 'nan' ? Number.NaN : special[1] === '-' ? -Infinity : Infinity, rest: s.slice(special[0].length) };
  const hex = /^([+-]?)0x([0-9a-f]*)(?:\.([0-9a-f]*))?(?:p([+-]?\d+))?/i.exec(s);
  if (hex && (hex[2] || hex[3])) {
    const digits = `${hex[2] ?? ''}${hex[3] ?? ''}`;
    const mantissa = digits ? Number.parseInt(digits, 16) / 16 ** (hex[3]?.length ?? 0) : 0;
    const value = mantissa * 2 ** Number(hex[4] ?? 0) * (hex[1] === '-' ? -1 : 1);
    return { value, rest: s.slice(hex[0].length) };
  }
  const decimal = CSS_NUMBER.exec(s);
  return decimal ? { value: Number(decimal[0]), rest: s.slice(decimal[0].length) } : null;
}

/**
 * Every width × height Skia could make a bitmap of for this root, read generously: 96 px per inch (Skia uses 90),
 * em and ex both as Skia reads them today (no size) and as 16 and 8 px, and the viewBox whenever Skia might
 * fall back to it. A new upload stores plain pixel sizes, which give one exact answer.
 */
export function skiaSvgSizes(attributes: Record<string, string>): Array<{ width: number; height: number }> {
  const exact = [attributes.width, attributes.height].map(plainLength);
  if (exact[0]! !== null && exact[1]! !== null && exact[0]! > 0 && exact[1]! > 0) return [{ width: exact[0]!, height: exact[1]! }];
  const sizes = [false, true].map((emHasSize) => ({ width: generousLength(attributes.width, emHasSize), height: generousLength(attributes.height, emHasSize) }));
  const viewBox = attributes.viewBox === undefined ? null : attributes.viewBox.trim().split(/[\s,]+/).map((part) => strtodPrefix(part)?.value ?? 0);
  if (viewBox && viewBox.length >= 4) sizes.push({ width: viewBox[2]!, height: viewBox[3]! });
  return sizes;
}

/** A length in a plain form every reader agrees on (a number and a lower-case absolute unit), else null. */
function plainLength(text: string | undefined): number | null {
  const match = text === undefined ? null : /^\s*([+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)(px|in|cm|mm|pt|pc)?\s*$/.exec(text);
  return match ? Number(match[1]) * PX_PER_UNIT[match[2] ?? '']! : null;
}

function generousLength(text: string | undefined, emHasSize: boolean): number {
  const number = text === undefined ? null : strtodPrefix(text);
  if (!number) return 0;
  const unit = /^(px|in|cm|mm|pt|pc|em|ex|%)/i.exec(number.rest)?.[1]?.toLowerCase() ?? '';
  if (unit === '%') return 0;
  if ((unit === 'em' || unit === 'ex') && !emHasSize) return 0;
  return number.value * PX_PER_UNIT[unit]!;
}
