import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Decodes every barcode in an image file with zbarimg (Debian zbar-tools), an independent decoder. */
export function zbarDecode(file: string): string[] {
  try {
    const out = execFileSync('zbarimg', ['--raw', '-q', file], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    return out.split('\n').filter((line) => line.length > 0);
  } catch (error) {
    // zbarimg exits 4 when it finds no symbol
    if ((error as { status?: number }).status === 4) return [];
    throw error;
  }
}

export function zbarDecodeBytes(bytes: Buffer, extension = '.png'): string[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stampdesk-zbar-'));
  const file = path.join(dir, `image${extension}`);
  fs.writeFileSync(file, bytes);
  try {
    return zbarDecode(file);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Renders each page of a PDF to PNG with pdftoppm (poppler-utils) and decodes them all. */
export function zbarDecodePdf(pdf: Buffer, dpi = 150): string[][] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stampdesk-pdf-'));
  try {
    fs.writeFileSync(path.join(dir, 'file.pdf'), pdf);
    execFileSync('pdftoppm', ['-r', String(dpi), '-png', path.join(dir, 'file.pdf'), path.join(dir, 'page')]);
    return fs
      .readdirSync(dir)
      .filter((f) => f.startsWith('page') && f.endsWith('.png'))
      .sort()
      .map((f) => zbarDecode(path.join(dir, f)));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Like zbarDecodePdf, but cuts each page into `columns` × `rows` tiles first and decodes each tile: a
 * scanner reads one cut-out coupon at a time, and zbarimg misses some symbols on a page full of them.
 */
export async function zbarDecodePdfTiles(pdf: Buffer, dpi: number, columns: number, rows: number): Promise<string[][]> {
  const { default: sharp } = await import('sharp');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stampdesk-pdf-'));
  try {
    fs.writeFileSync(path.join(dir, 'file.pdf'), pdf);
    execFileSync('pdftoppm', ['-r', String(dpi), '-png', path.join(dir, 'file.pdf'), path.join(dir, 'page')]);
    const pages = fs.readdirSync(dir).filter((f) => f.startsWith('page') && f.endsWith('.png')).sort();
    const result: string[][] = [];
    for (const page of pages) {
      const file = path.join(dir, page);
      const { width = 0, height = 0 } = await sharp(file).metadata();
      const found: string[] = [];
      for (let r = 0; r < rows; r++) {
        for (let c = 0; c < columns; c++) {
          const tile = await sharp(file)
            .extract({ left: Math.floor((c * width) / columns), top: Math.floor((r * height) / rows), width: Math.floor(width / columns), height: Math.floor(height / rows) })
            .png()
            .toBuffer();
          found.push(...zbarDecodeBytes(tile));
        }
      }
      result.push(found);
    }
    return result;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
