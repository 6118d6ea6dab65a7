import { code128Image, decodeEscPosCode128, qrImage, type QrLevel } from './codes';
import type { ParseContext, Step } from './context';

/** GS k m …: barcodes. Code 128 (m 73) is drawn; other symbologies are consumed and recorded. */
export function barcode(buf: Buffer, at: number, avail: number, ctx: ParseContext): Step {
  if (avail < 3) return -3;
  const m = buf[at + 2]!;
  if (m <= 6) {
    const end = buf.indexOf(0, at + 3);
    if (end < 0) return avail > 256 ? 3 : -(avail + 1);
    ctx.job.unknown(`GS k ${m}`);
    return end - at + 1;
  }
  if (avail < 4) return -4;
  const length = 4 + buf[at + 3]!;
  if (avail < length) return -length;
  if (m !== 73) {
    ctx.job.unknown(`GS k ${m}`);
    return length;
  }
  const text = decodeEscPosCode128(buf.subarray(at + 4, at + length));
  if (text === null) {
    ctx.job.note('Code 128 data without {A, {B or {C: nothing printed');
    return length;
  }
  const { moduleDots, height } = ctx.barcode;
  const image = code128Image(text, Math.max(1, moduleDots), Math.max(1, height));
  if (image.width > ctx.job.dots) {
    ctx.job.note(`barcode ${image.width} dots wide does not fit ${ctx.job.dots}: the printer only feeds`);
    ctx.job.feed(height);
    return length;
  }
  ctx.job.barcodes.push(text);
  ctx.job.putBlock(image, 1, 1, false);
  if (ctx.barcode.hri === 2 || ctx.barcode.hri === 3) {
    for (const byte of Buffer.from(text, 'latin1')) ctx.job.putByte(byte);
    ctx.job.printLine(0);
  }
  return length;
}

const QR_LEVELS: Record<number, QrLevel> = { 48: 'L', 49: 'M', 50: 'Q', 51: 'H' };

export function qrFunction(body: Buffer, ctx: ParseContext): void {
  const [cn, fn, p] = [body[0], body[1], body[2]];
  if (cn !== 0x31) {
    ctx.job.unknown(`GS ( k cn ${cn}`);
    return;
  }
  if (fn === 0x41 && p !== undefined) ctx.qr.model = p;
  else if (fn === 0x43 && p !== undefined) ctx.qr.moduleDots = p;
  else if (fn === 0x45 && p !== undefined) ctx.qr.level = QR_LEVELS[p] ?? ctx.qr.level;
  else if (fn === 0x50) ctx.qr.data = Buffer.from(body.subarray(3));
  else if (fn === 0x51) {
    if (!ctx.qr.data || ctx.qr.data.length === 0) return;
    if (ctx.qr.model !== 50) {
      ctx.job.note(`QR model ${ctx.qr.model} is not drawn (only model 2)`);
      return;
    }
    ctx.job.qr.push(ctx.qr.data.toString('latin1'));
    ctx.job.putBlock(qrImage(ctx.qr.data, ctx.qr.level, Math.max(1, ctx.qr.moduleDots)), 1, 1, false);
  } else ctx.job.unknown(`GS ( k fn ${fn}`);
}
