import type { DotImage } from './page';

/** Raster rows packed 8 dots to a byte, MSB first, 1 = black (GS v 0, GS ( L fn 112, ESC GS S). */
export function rasterImage(data: Buffer, xBytes: number, rows: number): DotImage {
  const width = xBytes * 8;
  const dots = new Uint8Array(width * rows);
  for (let y = 0; y < rows; y++) {
    for (let b = 0; b < xBytes; b++) {
      const byte = data[y * xBytes + b] ?? 0;
      if (byte === 0) continue;
      for (let bit = 0; bit < 8; bit++) if (byte & (0x80 >> bit)) dots[y * width + b * 8 + bit] = 1;
    }
  }
  return { width, height: rows, dots };
}

/** Column image data (ESC *, ESC X, ESC K): each column is `bytesPerColumn` bytes top to bottom, MSB at the top. */
export function columnImage(data: Buffer, columns: number, bytesPerColumn: number): DotImage {
  const height = bytesPerColumn * 8;
  const dots = new Uint8Array(columns * height);
  for (let c = 0; c < columns; c++) {
    for (let k = 0; k < bytesPerColumn; k++) {
      const byte = data[c * bytesPerColumn + k] ?? 0;
      if (byte === 0) continue;
      for (let bit = 0; bit < 8; bit++) if (byte & (0x80 >> bit)) dots[(k * 8 + bit) * columns + c] = 1;
    }
  }
  return { width: columns, height, dots };
}

export const hex = (byte: number) => `0x${byte.toString(16).padStart(2, '0')}`;

/** A command's name for unknownCommands, e.g. "ESC 0x7e" or "GS ( 0x45". */
export function commandName(bytes: ArrayLike<number>): string {
  const names: Record<number, string> = { 0x1b: 'ESC', 0x1d: 'GS', 0x1c: 'FS', 0x10: 'DLE' };
  return Array.from(bytes, (b, i) => (i === 0 && names[b]) || (b >= 0x21 && b < 0x7f ? String.fromCharCode(b) : hex(b))).join(' ');
}
