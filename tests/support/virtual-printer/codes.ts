import bwipjs from 'bwip-js/node';
import QRCode from 'qrcode';
import type { DotImage } from './page';

export type QrLevel = 'L' | 'M' | 'Q' | 'H';

/** A QR code of `data` (bytes, as the printer stores them) with `moduleDots` dots per module, no quiet zone (the paper is white). */
export function qrImage(data: Buffer, level: QrLevel, moduleDots: number): DotImage {
  const { modules } = QRCode.create([{ data: new Uint8Array(data), mode: 'byte' }], { errorCorrectionLevel: level });
  const size = modules.size;
  const width = size * moduleDots;
  const dots = new Uint8Array(width * width);
  for (let my = 0; my < size; my++) {
    for (let mx = 0; mx < size; mx++) {
      if (!modules.data[my * size + mx]) continue;
      for (let y = 0; y < moduleDots; y++) dots.fill(1, (my * moduleDots + y) * width + mx * moduleDots, (my * moduleDots + y) * width + (mx + 1) * moduleDots);
    }
  }
  return { width, height: width, dots };
}

/** Code 128 bars of `text` (bwip-js picks the code sets), `moduleDots` per module and `height` rows, no quiet zone. */
export function code128Image(text: string, moduleDots: number, height: number): DotImage {
  const [symbol] = bwipjs.raw('code128', text, '') as Array<{ sbs: number[] }>;
  if (!symbol) throw new Error('Code 128 encoding failed');
  const modules = symbol.sbs.reduce((sum, w) => sum + w, 0);
  const width = modules * moduleDots;
  const row = new Uint8Array(width);
  let x = 0;
  symbol.sbs.forEach((w, i) => {
    if (i % 2 === 0) row.fill(1, x * moduleDots, (x + w) * moduleDots);
    x += w;
  });
  const dots = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) dots.set(row, y * width);
  return { width, height, dots };
}

/**
 * The ESC/POS Code 128 data (GS k 73) as the characters it encodes: `{A`, `{B`, `{C` choose the code set, `{{` is a
 * literal `{`, in code set C each byte 0–99 is two digits; the function characters (`{1`–`{4`, `{S`) are dropped.
 * Returns null when the data does not start with a code set selector (the printer then prints nothing).
 */
export function decodeEscPosCode128(data: Buffer): string | null {
  if (data.length < 2 || data[0] !== 0x7b || ![0x41, 0x42, 0x43].includes(data[1]!)) return null;
  let set = data[1]!;
  let out = '';
  for (let i = 2; i < data.length; i++) {
    const byte = data[i]!;
    if (byte === 0x7b && i + 1 < data.length) {
      const next = data[++i]!;
      if (next === 0x41 || next === 0x42 || next === 0x43) set = next;
      else if (next === 0x7b) out += '{';
      continue;
    }
    if (set === 0x43) out += byte <= 99 ? String(byte).padStart(2, '0') : '';
    else out += String.fromCharCode(byte);
  }
  return out;
}
