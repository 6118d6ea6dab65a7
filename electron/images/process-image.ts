import crypto from 'node:crypto';
import decodeHeic from 'heic-decode';
import sharp, { type Metadata, type OutputInfo } from 'sharp';
import { AppError } from '../../shared/api/errors';
import type { ErrorKey } from '../../shared/i18n/keys';
import type { TranslationParams } from '../../shared/i18n/translator';
import { MAX_IMAGE_BYTES, MAX_IMAGE_PIXELS } from './limits';
import { EXTENSIONS, sniffImage, type ImageKind } from './sniff';
import { checkSvg } from './svg-check';

export { MAX_IMAGE_BYTES, MAX_IMAGE_PIXELS };

export interface CleanImage {
  id: string;
  mime: string;
  width: number;
  height: number;
  bytes: Buffer;
}

const fail = (key: ErrorKey, params?: TranslationParams) => new AppError('invalid_input', key, { field: 'base64', params });

/**
 * Turns uploaded bytes into a clean stored image:
 * - the type is read from the bytes; a name claiming another image type, or no image at all, is refused;
 * - at most 10 MB and 40 megapixels (checked from the header, before anything is decoded);
 * - raster images are decoded and encoded again, which drops every piece of metadata (GPS included) and
 *   anything hidden after the picture; JPEGs are turned upright first;
 * - HEIC/HEIF are decoded with heic-decode, AVIF and WEBP through sharp; HEIC and AVIF are kept as JPEG/PNG,
 *   which every printer path can read;
 * - SVG must pass checkSvg (no script, handlers, outside references or fetching styles) and is stored as
 *   re-written, with its size (read as a browser reads it, units included) written onto its root in pixels.
 * The id is the sha256 of the stored bytes, so the same picture is stored once.
 */
export async function processImage(bytes: Buffer, fileName?: string): Promise<CleanImage> {
  if (bytes.length === 0) throw fail('image.empty');
  if (bytes.length > MAX_IMAGE_BYTES) throw fail('image.tooLarge');
  const kind = sniffImage(bytes);
  const claimed = fileName ? EXTENSIONS[fileName.split('.').pop()?.toLowerCase() ?? ''] : undefined;
  if (!kind) {
    throw claimed ? fail('image.namedButNotImage', { claimed: claimed.toUpperCase() }) : fail('image.unsupported');
  }
  if (claimed && claimed !== kind && !(claimed === 'heic' && kind === 'heic')) {
    throw fail('image.namedOtherType', { claimed: claimed.toUpperCase(), kind: kind.toUpperCase() });
  }
  const cleaned = kind === 'svg' ? cleanSvg(bytes) : kind === 'heic' ? await cleanHeic(bytes) : await cleanRaster(bytes, kind);
  return { ...cleaned, id: crypto.createHash('sha256').update(cleaned.bytes).digest('hex') };
}

function checkPixels(width: number, height: number): void {
  if (!(width > 0 && height > 0)) throw fail('image.noSize');
  if (width * height > MAX_IMAGE_PIXELS) {
    throw fail('image.tooManyPixels', { width, height });
  }
}

async function cleanRaster(bytes: Buffer, kind: Exclude<ImageKind, 'svg' | 'heic'>): Promise<Omit<CleanImage, 'id'>> {
  let meta: Metadata;
  try {
    meta = await sharp(bytes, { limitInputPixels: false }).metadata();
  } catch {
    throw fail('image.unreadable', { kind: kind.toUpperCase() });
  }
  checkPixels(meta.width ?? 0, meta.height ?? 0);
  const image = sharp(bytes, { limitInputPixels: MAX_IMAGE_PIXELS, failOn: 'truncated' }).rotate();
  try {
    if (kind === 'jpeg') return finish(await image.jpeg({ quality: 90 }).toBuffer({ resolveWithObject: true }), 'image/jpeg');
    if (kind === 'webp') return finish(await image.webp({ quality: 90 }).toBuffer({ resolveWithObject: true }), 'image/webp');
    return finish(await image.png().toBuffer({ resolveWithObject: true }), 'image/png');
  } catch {
    throw fail('image.damaged', { kind: kind.toUpperCase() });
  }
}

async function cleanHeic(bytes: Buffer): Promise<Omit<CleanImage, 'id'>> {
  let images: Awaited<ReturnType<typeof decodeHeic.all>>;
  try {
    images = await decodeHeic.all({ buffer: bytes });
  } catch {
    throw fail('image.unreadable', { kind: 'HEIC/HEIF' });
  }
  try {
    const first = images[0];
    if (!first) throw fail('image.noPicture', { kind: 'HEIC/HEIF' });
    checkPixels(first.width, first.height);
    const { width, height, data } = await first.decode().catch(() => {
      throw fail('image.damaged', { kind: 'HEIC/HEIF' });
    });
    const out = await sharp(Buffer.from(data.buffer, data.byteOffset, data.byteLength), { raw: { width, height, channels: 4 } })
      .jpeg({ quality: 90 })
      .toBuffer({ resolveWithObject: true });
    return finish(out, 'image/jpeg');
  } finally {
    images.dispose?.();
  }
}

function cleanSvg(bytes: Buffer): Omit<CleanImage, 'id'> {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\ufeff/, '');
  } catch {
    throw fail('image.svgNotUtf8');
  }
  const checked = checkSvg(text);
  if (!checked.ok) throw fail(`image.svg.${checked.problem.kind}`, checked.problem.params);
  checkPixels(checked.width, checked.height);
  return { mime: 'image/svg+xml', width: checked.width, height: checked.height, bytes: Buffer.from(checked.svg, 'utf8') };
}

function finish(out: { data: Buffer; info: OutputInfo }, mime: string): Omit<CleanImage, 'id'> {
  return { mime, width: out.info.width, height: out.info.height, bytes: out.data };
}
