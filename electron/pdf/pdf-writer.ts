import { promisify } from 'node:util';
import zlib from 'node:zlib';

const deflate = promisify(zlib.deflate);

/**
 * A small PDF 1.4 writer: pages with deflated raster images (grey or RGB) and black rectangles drawn as
 * vectors (barcodes stay sharp at any printer resolution). Coordinates are points from the top-left. A raster
 * placed several times (a picture on every coupon of a sheet) is stored once.
 */
export interface PdfRaster {
  pixelWidth: number;
  pixelHeight: number;
  channels: 1 | 3;
  /** The pixels, deflated: compression runs on the thread pool while the caller draws the next page. */
  deflated: Promise<Buffer>;
  /** A grey raster of the same placement giving each pixel's opacity (PDF soft mask; its size may differ). */
  smask?: PdfRaster;
}

/**
 * A raster from raw pixels (row by row, `channels` bytes each). Compression starts at once on the thread pool,
 * so it runs on the other core while the caller draws the next page.
 */
export function pdfRaster(pixelWidth: number, pixelHeight: number, channels: 1 | 3, pixels: Buffer, smask?: PdfRaster): PdfRaster {
  const deflated = deflate(pixels, { level: 6 });
  deflated.catch(() => {}); // awaited by writePdf; never an unhandled rejection if drawing stops first
  return { pixelWidth, pixelHeight, channels, deflated, ...(smask ? { smask } : {}) };
}

/** A raster placed on a page, in points; later placements are drawn over earlier ones. */
export interface PdfImage {
  raster: PdfRaster;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface PdfPage {
  width: number;
  height: number;
  images: PdfImage[];
  /** Filled black rectangles [x, y, width, height]. */
  rects: Array<[number, number, number, number]>;
}

const num = (n: number) => (Math.round(n * 1000) / 1000).toString();

export async function writePdf(pages: readonly PdfPage[], title = 'Stampdesk'): Promise<Buffer> {
  const objects: Buffer[] = [];
  const add = (body: Buffer | string): number => {
    objects.push(typeof body === 'string' ? Buffer.from(body, 'latin1') : body);
    return objects.length;
  };
  const stream = (dict: string, data: Buffer) =>
    Buffer.concat([Buffer.from(`<< ${dict} /Length ${data.length} >>\nstream\n`, 'latin1'), data, Buffer.from('\nendstream', 'latin1')]);

  const catalog = add(''); // filled in below
  const pagesObj = add('');
  const info = add(`<< /Title (${title.replace(/[()\\]/g, '')}) /Producer (Stampdesk) >>`);
  const pageIds: number[] = [];
  const rasterIds = new Map<PdfRaster, number>();
  const rasterObject = async (raster: PdfRaster): Promise<number> => {
    let id = rasterIds.get(raster);
    if (id !== undefined) return id;
    const smask = raster.smask ? ` /SMask ${await rasterObject(raster.smask)} 0 R` : '';
    id = add(
      stream(
        `/Type /XObject /Subtype /Image /Width ${raster.pixelWidth} /Height ${raster.pixelHeight} /ColorSpace /${raster.channels === 1 ? 'DeviceGray' : 'DeviceRGB'} /BitsPerComponent 8${smask} /Filter /FlateDecode`,
        await raster.deflated,
      ),
    );
    rasterIds.set(raster, id);
    return id;
  };
  for (const page of pages) {
    const xobjects = new Set<string>();
    let content = '';
    for (const image of page.images) {
      const id = await rasterObject(image.raster);
      xobjects.add(`/Im${id} ${id} 0 R`);
      content += `q ${num(image.width)} 0 0 ${num(image.height)} ${num(image.x)} ${num(page.height - image.y - image.height)} cm /Im${id} Do Q\n`;
    }
    if (page.rects.length > 0) {
      content += '0 g\n';
      for (const [x, y, w, h] of page.rects) content += `${num(x)} ${num(page.height - y - h)} ${num(w)} ${num(h)} re\n`;
      content += 'f\n';
    }
    const contentId = add(stream('/Filter /FlateDecode', zlib.deflateSync(Buffer.from(content, 'latin1'))));
    const pageId = add(
      `<< /Type /Page /Parent ${pagesObj} 0 R /MediaBox [0 0 ${num(page.width)} ${num(page.height)}] ` +
        `/Resources << /XObject << ${[...xobjects].join(' ')} >> >> /Contents ${contentId} 0 R >>`,
    );
    pageIds.push(pageId);
  }
  objects[catalog - 1] = Buffer.from(`<< /Type /Catalog /Pages ${pagesObj} 0 R >>`, 'latin1');
  objects[pagesObj - 1] = Buffer.from(`<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${pageIds.length} >>`, 'latin1');

  const parts: Buffer[] = [Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  const offsets: number[] = [];
  let length = parts[0]!.length;
  objects.forEach((body, i) => {
    offsets.push(length);
    const chunk = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`, 'latin1'), body, Buffer.from('\nendobj\n', 'latin1')]);
    parts.push(chunk);
    length += chunk.length;
  });
  const xref =
    `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n` +
    offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('') +
    `trailer\n<< /Size ${objects.length + 1} /Root ${catalog} 0 R /Info ${info} 0 R >>\nstartxref\n${length}\n%%EOF\n`;
  parts.push(Buffer.from(xref, 'latin1'));
  return Buffer.concat(parts);
}
