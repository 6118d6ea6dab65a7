/** What an uploaded picture may be: at most 10 MB of file and 40 megapixels, also for a picture inside an SVG. */
export const MAX_IMAGE_BYTES = 10 * 1024 * 1024;
export const MAX_IMAGE_PIXELS = 40_000_000;
