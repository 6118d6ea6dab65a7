import { escPosCodePage } from './codepage';
import type { ParseContext, Step } from './context';
import { barcode, qrFunction } from './escpos-codes';
import { escPosGraphics } from './escpos-graphics';
import { columnImage, commandName, rasterImage } from './images';

const ESC = 0x1b;
const GS = 0x1d;
const FS = 0x1c;

/** ESC commands with a fixed length whose effect is not drawn (print modes we only note), by second byte. */
const ESC_FIXED: Record<number, number> = {
  0x20: 3, 0x25: 3, 0x2d: 3, 0x3d: 3, 0x3f: 3, 0x47: 3, 0x4b: 3, 0x4d: 3, 0x54: 3, 0x55: 3,
  0x56: 3, 0x63: 4, 0x65: 3, 0x70: 5, 0x72: 3, 0x75: 3, 0x76: 3, 0x7b: 3, 0x53: 2, 0x4c: 2, 0x3c: 2,
};
/** GS commands with a fixed length that change nothing we draw. */
const GS_FIXED: Record<number, number> = { 0x24: 4, 0x42: 3, 0x50: 4, 0x54: 3, 0x5c: 4, 0x5e: 5, 0x62: 3, 0x66: 3, 0x3a: 2 };
/** FS commands with a fixed length (Kanji modes and the like). */
const FS_FIXED: Record<number, number> = { 0x2e: 2, 0x26: 2, 0x21: 3, 0x2d: 3, 0x43: 3, 0x53: 4, 0x57: 3 };

/** One ESC/POS command starting at `at` (buf[at] is ESC, GS or FS). */
export function escPosCommand(buf: Buffer, at: number, ctx: ParseContext): Step {
  const avail = buf.length - at;
  if (avail < 2) return -2;
  const lead = buf[at]!;
  const code = buf[at + 1]!;
  if (lead === ESC) return escCommand(buf, at, code, avail, ctx);
  if (lead === GS) return gsCommand(buf, at, code, avail, ctx);
  if (lead === FS) {
    if (code === 0x28) return lengthPrefixed(buf, at, avail, 5, ctx); // FS ( x pL pH …
    if (code === 0x70) {
      ctx.job.unknown('FS p (NV bit image)');
      return avail < 4 ? -4 : 4;
    }
    const fixed = FS_FIXED[code];
    if (fixed) return avail < fixed ? -fixed : fixed;
    ctx.job.unknown(commandName([lead, code]));
    return 2;
  }
  throw new Error('not an ESC/POS command');
}

function escCommand(buf: Buffer, at: number, code: number, avail: number, ctx: ParseContext): Step {
  const { job } = ctx;
  const n = buf[at + 2];
  switch (code) {
    case 0x40: // ESC @
      job.initialize();
      return 2;
    case 0x21: // ESC ! n: bit 3 emphasized, 4 double height, 5 double width
      if (n === undefined) return -3;
      job.bold = (n & 0x08) !== 0;
      job.charHeight = n & 0x10 ? 2 : 1;
      job.charWidth = n & 0x20 ? 2 : 1;
      return 3;
    case 0x45: // ESC E n
      if (n === undefined) return -3;
      job.bold = (n & 1) === 1;
      return 3;
    case 0x61: // ESC a n
      if (n === undefined) return -3;
      job.align = n % 48 === 1 ? 'center' : n % 48 === 2 ? 'right' : 'left';
      return 3;
    case 0x32: // ESC 2: default spacing
      job.lineSpacing = 30;
      return 2;
    case 0x33: // ESC 3 n: n motion units (1 dot)
      if (n === undefined) return -3;
      job.lineSpacing = n;
      return 3;
    case 0x64: // ESC d n: print and feed n lines
      if (n === undefined) return -3;
      job.printLine(n * job.lineSpacing);
      return 3;
    case 0x4a: // ESC J n: print and feed n dots
      if (n === undefined) return -3;
      job.printLine(n);
      return 3;
    case 0x74: // ESC t n
      if (n === undefined) return -3;
      job.codePage = escPosCodePage(n);
      job.codePages.push(`ESC t ${n}`);
      if (job.codePage === 'unknown') job.note(`code page ${n} is not modelled: bytes 0x80–0xFF print as ?`);
      return 3;
    case 0x52: // ESC R n: international character set
      if (n === undefined) return -3;
      job.codePages.push(`ESC R ${n}`);
      return 3;
    case 0x24: // ESC $ nL nH: absolute position
    case 0x5c: {
      // ESC \ nL nH: relative position
      if (avail < 4) return -4;
      const value = buf.readUInt16LE(at + 2);
      if (code === 0x24) job.moveTo(value);
      else job.moveBy((value << 16) >> 16);
      return 4;
    }
    case 0x2a: {
      // ESC * m nL nH d: column image, 8-dot (m 0, 1) or 24-dot (m 32, 33)
      if (avail < 5) return -5;
      const m = buf[at + 2]!;
      const columns = buf.readUInt16LE(at + 3);
      const perColumn = m === 32 || m === 33 ? 3 : 1;
      const length = 5 + columns * perColumn;
      if (avail < length) return -length;
      if (![0, 1, 32, 33].includes(m)) job.unknown(`ESC * ${m}`);
      const scaleX = m === 0 || m === 32 ? 2 : 1;
      const scaleY = perColumn === 1 ? 3 : 1;
      job.putColumnImage(columnImage(buf.subarray(at + 5, at + length), columns, perColumn), scaleX, scaleY);
      return length;
    }
    case 0x44: {
      // ESC D n1 … NUL: tab stops
      const end = buf.indexOf(0, at + 2);
      if (end < 0) return avail > 40 ? 2 : -(avail + 1);
      return end - at + 1;
    }
    case 0x69: // ESC i / ESC m: cut (old form)
    case 0x6d:
      job.cut();
      return 2;
    default: {
      const fixed = ESC_FIXED[code];
      if (fixed) return avail < fixed ? -fixed : fixed;
      job.unknown(commandName([ESC, code]));
      return 2;
    }
  }
}

function gsCommand(buf: Buffer, at: number, code: number, avail: number, ctx: ParseContext): Step {
  const { job } = ctx;
  const n = buf[at + 2];
  switch (code) {
    case 0x21: // GS ! n: character size
      if (n === undefined) return -3;
      job.charWidth = ((n >> 4) & 7) + 1;
      job.charHeight = (n & 7) + 1;
      return 3;
    case 0x4c: // GS L nL nH: left margin
      if (avail < 4) return -4;
      job.leftMargin = buf.readUInt16LE(at + 2);
      return 4;
    case 0x57: // GS W nL nH: print area width
      if (avail < 4) return -4;
      job.areaWidth = buf.readUInt16LE(at + 2) || Infinity;
      return 4;
    case 0x56: {
      // GS V m [n]: cut; m 65/66 (and 97/98, 103/104) feed n first
      if (n === undefined) return -3;
      const withFeed = [65, 66, 97, 98, 103, 104].includes(n);
      if (withFeed && avail < 4) return -4;
      job.cut(withFeed ? buf[at + 3]! : 0);
      return withFeed ? 4 : 3;
    }
    case 0x76: {
      // GS v 0 m xL xH yL yH d: raster band
      if (avail < 8) return -8;
      if (buf[at + 2] !== 0x30) {
        job.unknown(commandName([GS, code, buf[at + 2]!]));
        return 3;
      }
      const m = buf[at + 3]! % 48;
      const xBytes = buf.readUInt16LE(at + 4);
      const rows = buf.readUInt16LE(at + 6);
      const length = 8 + xBytes * rows;
      if (avail < length) return -length;
      if (job.lineHasContent) job.note('GS v 0 sent with text in the line buffer');
      job.putBlock(rasterImage(buf.subarray(at + 8, at + length), xBytes, rows), m === 1 || m === 3 ? 2 : 1, m === 2 || m === 3 ? 2 : 1);
      return length;
    }
    case 0x68: // GS h n: barcode height
      if (n === undefined) return -3;
      ctx.barcode.height = n;
      return 3;
    case 0x77: // GS w n: module width
      if (n === undefined) return -3;
      ctx.barcode.moduleDots = n;
      return 3;
    case 0x48: // GS H n: HRI position
      if (n === undefined) return -3;
      ctx.barcode.hri = n % 48;
      return 3;
    case 0x6b:
      return barcode(buf, at, avail, ctx);
    case 0x72: {
      // GS r n: status, answered once what came before has printed
      if (n === undefined) return -3;
      job.statusQueries++;
      const reply = ctx.state.gsR(n);
      if (reply !== null) ctx.reply([reply]);
      return 3;
    }
    case 0x49: // GS I n: printer ID
      if (n === undefined) return -3;
      ctx.reply([n === 1 || n === 49 ? 0x20 : n === 2 || n === 50 ? 0x02 : 0x00]);
      return 3;
    case 0x61: // GS a n: automatic status back
      if (n === undefined) return -3;
      ctx.asbEnabled = n !== 0;
      if (ctx.asbEnabled) ctx.reply(ctx.state.escPosAsb());
      return 3;
    case 0x28: // GS ( X pL pH …
      return gsParen(buf, at, avail, ctx);
    case 0x38: // GS 8 L p1 p2 p3 p4 …
      if (avail < 7) return -7;
      if (buf[at + 2] !== 0x4c) {
        job.unknown(commandName([GS, code, buf[at + 2]!]));
        return 3;
      }
      {
        const length = 7 + buf.readUInt32LE(at + 3);
        if (avail < length) return -length;
        escPosGraphics(buf.subarray(at + 7, at + length), ctx);
        return length;
      }
    default: {
      const fixed = GS_FIXED[code];
      if (fixed) return avail < fixed ? -fixed : fixed;
      job.unknown(commandName([GS, code]));
      return 2;
    }
  }
}

function lengthPrefixed(buf: Buffer, at: number, avail: number, header: number, ctx: ParseContext): Step {
  if (avail < header) return -header;
  const length = header + buf.readUInt16LE(at + 3);
  if (avail < length) return -length;
  ctx.job.unknown(commandName([buf[at]!, buf[at + 1]!, buf[at + 2]!]));
  return length;
}

/** GS ( k (QR), GS ( L (graphics), GS ( H (process ID response); other GS ( functions are consumed and recorded. */
function gsParen(buf: Buffer, at: number, avail: number, ctx: ParseContext): Step {
  if (avail < 5) return -5;
  const kind = buf[at + 2]!;
  const length = 5 + buf.readUInt16LE(at + 3);
  if (avail < length) return -length;
  const body = buf.subarray(at + 5, at + length);
  if (kind === 0x6b) qrFunction(body, ctx);
  else if (kind === 0x4c) escPosGraphics(body, ctx);
  else if (kind === 0x48 && body[0] === 0x30 && body[1] === 0x30 && body.length === 6) {
    ctx.job.statusQueries++;
    ctx.reply([0x37, 0x22, ...body.subarray(2, 6), 0x00]);
  } else ctx.job.unknown(commandName([GS, 0x28, kind]));
  return length;
}
