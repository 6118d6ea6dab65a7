import { code128Image, qrImage, type QrLevel } from './codes';
import { starCodePage } from './codepage';
import type { ParseContext, Step } from './context';
import { columnImage, commandName, rasterImage } from './images';

const ESC = 0x1b;
const GS = 0x1d;

/** Star ESC commands with a fixed length that change nothing we draw, by second byte. */
const STAR_FIXED: Record<number, number> = { 0x2d: 3, 0x5f: 3, 0x34: 2, 0x35: 2, 0x2f: 3, 0x36: 2, 0x37: 2, 0x52: 3, 0x74: 3, 0x4d: 2, 0x50: 2, 0x3a: 2, 0x20: 3, 0x6c: 3, 0x51: 3, 0x0e: 2, 0x14: 2 };

/** Star ESC GS y: QR settings are kept apart from ESC/POS's. */
const starQr = new WeakMap<ParseContext, { moduleDots: number; level: QrLevel; model: number; data: Buffer | null }>();

/**
 * Star ESC commands with a Star-only second byte (language detection): ESC GS …, ESC X, ESC K, ESC b, ESC F, ESC z,
 * ESC 0, ESC ACK, ESC RS, ESC h, ESC I (and ESC * r, told apart in parser.ts).
 */
export function isStarOnly(code: number): boolean {
  return [GS, 0x58, 0x4b, 0x62, 0x46, 0x7a, 0x30, 0x06, 0x1e, 0x68, 0x49].includes(code);
}

/** One Star Line / StarPRNT command starting at `at` (buf[at] is ESC). */
export function starCommand(buf: Buffer, at: number, ctx: ParseContext): Step {
  const avail = buf.length - at;
  if (avail < 2) return -2;
  const { job } = ctx;
  const code = buf[at + 1]!;
  const n = buf[at + 2];
  switch (code) {
    case 0x40: // ESC @
      job.initialize();
      return 2;
    case GS:
      return starGsCommand(buf, at, avail, ctx);
    case 0x45: // ESC E: bold on
      job.bold = true;
      return 2;
    case 0x46: // ESC F: bold off
      job.bold = false;
      return 2;
    case 0x57: // ESC W n: expanded width
    case 0x68: // ESC h n: expanded height
      if (n === undefined) return -3;
      if (code === 0x57) job.charWidth = (n % 48) + 1;
      else job.charHeight = (n % 48) + 1;
      return 3;
    case 0x69: // ESC i n1 n2: height, width
      if (avail < 4) return -4;
      job.charHeight = (buf[at + 2]! % 48) + 1;
      job.charWidth = (buf[at + 3]! % 48) + 1;
      return 4;
    case 0x30: // ESC 0: 3 mm spacing
      job.lineSpacing = 24;
      return 2;
    case 0x32: // ESC 2: 1/6 inch
      job.lineSpacing = 34;
      return 2;
    case 0x7a: // ESC z n: 0 = 3 mm, 1 = 4 mm
      if (n === undefined) return -3;
      job.lineSpacing = n % 48 === 0 ? 24 : 32;
      return 3;
    case 0x33: // ESC 3 n: n/4 mm
      if (n === undefined) return -3;
      job.lineSpacing = n * 2;
      return 3;
    case 0x61: // ESC a n: feed n lines
      if (n === undefined) return -3;
      job.printLine(n * job.lineSpacing);
      return 3;
    case 0x4a: // ESC J n: feed n/4 mm
      if (n === undefined) return -3;
      job.printLine(n * 2);
      return 3;
    case 0x49: // ESC I n: feed n/8 mm
      if (n === undefined) return -3;
      job.printLine(n);
      return 3;
    case 0x64: // ESC d n: cut (0/1 now, 2/3 after feeding to the cutter)
      if (n === undefined) return -3;
      job.cut();
      return 3;
    case 0x58: // ESC X nL nH d: 24-dot column image (Star Line)
    case 0x4b: {
      // ESC K n 0 d: 8-dot column image
      if (avail < 4) return -4;
      const columns = code === 0x58 ? buf.readUInt16LE(at + 2) : buf[at + 2]!;
      const perColumn = code === 0x58 ? 3 : 1;
      const length = 4 + columns * perColumn;
      if (avail < length) return -length;
      job.putColumnImage(columnImage(buf.subarray(at + 4, at + length), columns, perColumn), code === 0x58 ? 1 : 2, code === 0x58 ? 1 : 3);
      return length;
    }
    case 0x62:
      return starBarcode(buf, at, avail, ctx);
    case 0x06: // ESC ACK SOH: status request (answered in real time, see realtime.ts)
      return avail < 3 ? -3 : 3;
    case 0x1e: // ESC RS …: settings (ESC RS a n and the like)
      return avail < 4 ? -4 : 4;
    case 0x2a: // ESC * r X: Star Graphic mode, which this printer does not have
      if (avail < 4) return -4;
      job.unknown(commandName([ESC, code, buf[at + 2]!, buf[at + 3]!]));
      return 4;
    default: {
      const fixed = STAR_FIXED[code];
      if (fixed) return avail < fixed ? -fixed : fixed;
      job.unknown(commandName([ESC, code]));
      return 2;
    }
  }
}

function starGsCommand(buf: Buffer, at: number, avail: number, ctx: ParseContext): Step {
  if (avail < 3) return -3;
  const { job } = ctx;
  const sub = buf[at + 2]!;
  if (sub === 0x50) {
    // ESC GS P n: print start control (page / line units); every line prints here anyway
    return avail < 4 ? -4 : 4;
  }
  if (sub === 0x61 || sub === 0x74) {
    // ESC GS a n: alignment; ESC GS t n: code page
    if (avail < 4) return -4;
    const n = buf[at + 3]!;
    if (sub === 0x61) job.align = n % 48 === 1 ? 'center' : n % 48 === 2 ? 'right' : 'left';
    else {
      job.codePage = starCodePage(n);
      job.codePages.push(`ESC GS t ${n}`);
      if (job.codePage === 'unknown') job.note(`code page ${n} is not modelled: bytes 0x80–0xFF print as ?`);
    }
    return 4;
  }
  if (sub === 0x41 || sub === 0x52) {
    // ESC GS A / R nL nH: absolute / relative position
    if (avail < 5) return -5;
    const value = buf.readUInt16LE(at + 3);
    if (sub === 0x41) job.moveTo(value);
    else job.moveBy((value << 16) >> 16);
    return 5;
  }
  if (sub === 0x53) {
    // ESC GS S m xL xH yL yH n d: StarPRNT raster
    if (avail < 9) return -9;
    const xBytes = buf.readUInt16LE(at + 4);
    const rows = buf.readUInt16LE(at + 6);
    const length = 9 + xBytes * rows;
    if (avail < length) return -length;
    job.putBlock(rasterImage(buf.subarray(at + 9, at + length), xBytes, rows));
    return length;
  }
  if (sub === 0x79) return starQrCommand(buf, at, avail, ctx);
  job.unknown(commandName([ESC, GS, sub]));
  return 3;
}

const STAR_QR_LEVELS: QrLevel[] = ['L', 'M', 'Q', 'H'];

/** ESC GS y S 0 n (model), S 1 n (level), S 2 n (cell), D 1 0 nL nH d (store), P (print). */
function starQrCommand(buf: Buffer, at: number, avail: number, ctx: ParseContext): Step {
  if (avail < 4) return -4;
  const qr = starQr.get(ctx) ?? { moduleDots: 3, level: 'L' as QrLevel, model: 2, data: null };
  starQr.set(ctx, qr);
  const op = buf[at + 3]!;
  if (op === 0x53) {
    if (avail < 6) return -6;
    const [what, n] = [buf[at + 4]!, buf[at + 5]!];
    if (what === 0x30) qr.model = n;
    else if (what === 0x31) qr.level = STAR_QR_LEVELS[n] ?? qr.level;
    else if (what === 0x32) qr.moduleDots = n;
    else ctx.job.unknown(`ESC GS y S ${what}`);
    return 6;
  }
  if (op === 0x44) {
    if (avail < 8) return -8;
    const length = 8 + buf.readUInt16LE(at + 6);
    if (avail < length) return -length;
    qr.data = Buffer.from(buf.subarray(at + 8, at + length));
    return length;
  }
  if (op === 0x50) {
    if (qr.data && qr.data.length > 0) {
      if (qr.model !== 2) ctx.job.note(`QR model ${qr.model} is not drawn (only model 2)`);
      else {
        ctx.job.qr.push(qr.data.toString('latin1'));
        ctx.job.putBlock(qrImage(qr.data, qr.level, Math.max(1, qr.moduleDots)), 1, 1, false);
      }
    }
    return 4;
  }
  ctx.job.unknown(commandName([ESC, GS, 0x79, op]));
  return 4;
}

/** ESC b n1 n2 n3 n4 d… RS: n1 symbology (6 = Code 128), n2 HRI, n3 module (1–3 → 2–4 dots), n4 height; the printer picks the code set. */
function starBarcode(buf: Buffer, at: number, avail: number, ctx: ParseContext): Step {
  if (avail < 7) return -7;
  const end = buf.indexOf(0x1e, at + 6);
  if (end < 0) return avail > 300 ? 6 : -(avail + 1);
  const [symbology, hri, width, height] = [buf[at + 2]! % 48, buf[at + 3]! % 48, buf[at + 4]! % 48, buf[at + 5]!];
  const text = buf.subarray(at + 6, end).toString('latin1');
  if (symbology !== 6) ctx.job.unknown(`ESC b ${symbology}`);
  else {
    const image = code128Image(text, Math.min(4, Math.max(2, width + 1)), Math.max(1, height));
    if (image.width > ctx.job.dots) {
      ctx.job.note(`barcode ${image.width} dots wide does not fit ${ctx.job.dots}: the printer only feeds`);
      ctx.job.feed(height);
    } else {
      ctx.job.barcodes.push(text);
      ctx.job.putBlock(image, 1, 1, false);
      if (hri === 2) {
        for (const byte of Buffer.from(text, 'latin1')) ctx.job.putByte(byte);
        ctx.job.printLine(0);
      }
    }
  }
  return end - at + 1;
}
