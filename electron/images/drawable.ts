import { AppError } from '../../shared/api/errors';
import { MAX_IMAGE_PIXELS } from './limits';
import { rasterSize } from './raster-size';
import { parseSvgRoot } from './svg-check';
import { sizeDeclarations } from './svg-css';
import { skiaSvgSizes, wholePixels } from './svg-size';

/**
 * Right before a stored picture is decoded for drawing: every bitmap size Skia could give it must be within the
 * upload's pixel limit. Pictures stored by this version pass by construction; one stored by an older version
 * (an SVG of `50000mm` or `1e9`, a negative size) is refused here with its size instead of aborting the process.
 * A raster whose header cannot be read is left to the drawing code, which leaves out what it cannot decode.
 */
export function assertDrawable(image: { mime: string; bytes: Buffer }): void {
  if (image.mime === 'image/svg+xml') {
    const parsed = parseSvgRoot(image.bytes.toString('utf8'));
    if (!parsed.ok) throw new AppError('internal', 'image.storedUnreadable');
    const { attributes } = parsed;
    const styled = sizeDeclarations(attributes.style ?? '');
    const sizes = skiaSvgSizes(attributes);
    if (styled.width !== undefined || styled.height !== undefined) sizes.push(...skiaSvgSizes({ ...attributes, ...styled }));
    for (const size of sizes) checkSize(size.width, size.height);
    return;
  }
  const size = rasterSize(image.bytes);
  if (size) checkSize(size.width, size.height);
}

function checkSize(width: number, height: number): void {
  if (Number.isNaN(width) || Number.isNaN(height) || width < 0 || height < 0) throw new AppError('internal', 'image.storedUnreadable');
  // a side is held to the limit too: 0 × 1e10 has no pixels, but Skia turns the side into a negative int and aborts
  if (width * height > MAX_IMAGE_PIXELS || !(width <= MAX_IMAGE_PIXELS && height <= MAX_IMAGE_PIXELS)) {
    throw new AppError('payload_too_large', 'image.storedTooLarge', { params: { width: wholePixels(width), height: wholePixels(height) } });
  }
}
