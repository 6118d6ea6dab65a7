import type { ParseContext, Step } from './context';
import { escPosCommand } from './escpos';
import { hex } from './images';
import { isStarOnly, starCommand } from './star';

/** DLE DC4 fn …: lengths by fn (1 pulse, 2 power off, 7 transmit status, 8 clear buffer). */
const DLE_DC4_LENGTH: Record<number, number> = { 1: 5, 2: 5, 3: 5, 7: 4, 8: 10 };

/**
 * One command or text byte at `at`, ESC/POS or Star, the language told per command: ESC GS …, ESC X, ESC b and the
 * other Star-only commands switch to Star; GS and FS commands switch to ESC/POS; an ESC command both languages
 * have (ESC @, ESC E, ESC d, ESC a…) is read in the language seen last (ESC/POS when none was seen yet).
 */
export function parseStep(buf: Buffer, at: number, ctx: ParseContext): Step {
  const { job } = ctx;
  const byte = buf[at]!;
  switch (byte) {
    case 0x0a: // LF: print the line and feed one line
      job.printLine(job.lineSpacing);
      return 1;
    case 0x0d: // CR: ignored (auto line feed off, as network printers ship)
    case 0x00:
    case 0x18: // CAN
    case 0x0c: // FF: nothing in standard mode
      return 1;
    case 0x09:
      job.tab();
      return 1;
    case 0x17: // ETB: Star completion counter
      job.etbCount++;
      job.statusQueries++;
      return 1;
    case 0x10:
      return dle(buf, at, ctx);
    case 0x1b: {
      if (buf.length - at < 2) return -2;
      const code = buf[at + 1]!;
      if (code === 0x2a) {
        if (buf.length - at < 3) return -3;
        if (buf[at + 2] === 0x72) return asStar(buf, at, ctx);
      }
      if (isStarOnly(code) || (job.language === 'star' && code !== 0x21)) return asStar(buf, at, ctx);
      if (code === 0x21 || code === 0x74 || code === 0x70) job.language = 'esc-pos';
      return escPosCommand(buf, at, ctx);
    }
    case 0x1d:
    case 0x1c:
      job.language = 'esc-pos';
      return escPosCommand(buf, at, ctx);
    default:
      if (byte < 0x20 || byte === 0x7f) {
        job.unknown(hex(byte));
        return 1;
      }
      job.putByte(byte);
      return 1;
  }
}

function asStar(buf: Buffer, at: number, ctx: ParseContext): Step {
  ctx.job.language = 'star';
  return starCommand(buf, at, ctx);
}

function dle(buf: Buffer, at: number, ctx: ParseContext): Step {
  const avail = buf.length - at;
  if (avail < 3) return -3;
  const fn = buf[at + 1]!;
  if (fn === 0x04 || fn === 0x05) return 3; // DLE EOT n / DLE ENQ n: real-time, answered on arrival (realtime.ts)
  if (fn === 0x14) {
    const length = DLE_DC4_LENGTH[buf[at + 2]!] ?? 3;
    if (avail < length) return -length;
    if (buf[at + 2] === 7 && ctx.asbEnabled) ctx.reply(ctx.state.escPosAsb());
    return length;
  }
  ctx.job.unknown(`DLE ${hex(fn)}`);
  return 2;
}

/** Commands that only ask or set up, never print: a connection of nothing else is a status probe, not a job. */
export function isStatusOnly(buf: Buffer, at: number): boolean {
  const [a, b, c] = [buf[at], buf[at + 1], buf[at + 2]];
  if (a === 0x10 || a === 0x17 || a === 0x00) return true;
  if (a === 0x1b) return b === 0x40 || b === 0x06;
  if (a === 0x1d) return b === 0x72 || b === 0x61 || b === 0x49 || (b === 0x28 && c === 0x48);
  return false;
}
