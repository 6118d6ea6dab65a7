import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Decodes every barcode in an image file with zbarimg (Debian zbar-tools), an independent decoder. */
export function zbarDecode(file: string): string[] {
  try {
    const out = execFileSync('zbarimg', ['--raw', '-q', '-Sbinary', file], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
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
