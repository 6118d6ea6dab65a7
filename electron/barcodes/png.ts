import { encodePng } from '../images/png-encoder';
import { QR_QUIET, code128Bars, qrMatrix } from './symbols';

function pixels(width: number, height: number, dark: (x: number, y: number) => boolean): Buffer {
  const rgba = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const v = dark(x, y) ? 0 : 255;
      const i = (y * width + x) * 4;
      rgba[i] = rgba[i + 1] = rgba[i + 2] = v;
      rgba[i + 3] = 255;
    }
  }
  return encodePng(width, height, rgba);
}

/** A QR code as PNG: `scale` pixels per module, white background, 4-module quiet zone. */
export function qrPng(text: string, scale = 8): Buffer {
  const m = qrMatrix(text);
  const size = (m.size + 2 * QR_QUIET) * scale;
  return pixels(size, size, (x, y) => {
    const mx = Math.floor(x / scale) - QR_QUIET;
    const my = Math.floor(y / scale) - QR_QUIET;
    return mx >= 0 && my >= 0 && mx < m.size && my < m.size && m.dark(mx, my);
  });
}

/** A Code 128 barcode as PNG: `scale` pixels per module, quiet zones, white background. */
export function code128Png(text: string, scale = 3, height = 120): Buffer {
  const { modules, bars } = code128Bars(text);
  const darkModule = new Uint8Array(modules);
  for (const bar of bars) darkModule.fill(1, bar.x, bar.x + bar.width);
  return pixels(modules * scale, height, (px) => darkModule[Math.floor(px / scale)] === 1);
}
