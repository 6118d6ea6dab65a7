import type { ParseContext } from './context';
import { rasterImage } from './images';

/**
 * The body of GS ( L / GS 8 L (after the length): m fn …. fn 112 stores a raster graphic
 * (30 70 a bx by c xL xH yL yH d…, x and y in dots), fn 50 (or 2) prints it; other functions are recorded.
 */
export function escPosGraphics(body: Buffer, ctx: ParseContext): void {
  const fn = body[1];
  if (fn === 0x70 && body.length >= 10) {
    const scaleX = body[3] === 2 ? 2 : 1;
    const scaleY = body[4] === 2 ? 2 : 1;
    if (body[5] !== 0x31) ctx.job.note(`GS ( L colour ${body[5]} is not the first colour`);
    const width = body.readUInt16LE(6);
    const height = body.readUInt16LE(8);
    const xBytes = Math.ceil(width / 8);
    const data = body.subarray(10);
    if (data.length !== xBytes * height) ctx.job.note(`GS ( L graphic declares ${xBytes * height} bytes but carries ${data.length}`);
    ctx.graphic = { image: rasterImage(data, xBytes, height), scaleX, scaleY };
    return;
  }
  if (fn === 0x32 || fn === 0x02) {
    if (ctx.graphic) ctx.job.putBlock(ctx.graphic.image, ctx.graphic.scaleX, ctx.graphic.scaleY);
    ctx.graphic = null;
    return;
  }
  ctx.job.unknown(`GS ( L fn ${fn}`);
}
