import { CODE128_QUIET, QR_QUIET, code128Modules, code128Widths, qrMatrix } from './symbols';

/** A QR code as SVG: one path, white background, 4-module quiet zone, scalable without blur. */
export function qrSvg(text: string): string {
  const m = qrMatrix(text);
  const size = m.size + 2 * QR_QUIET;
  let path = '';
  for (let y = 0; y < m.size; y++) {
    for (let x = 0; x < m.size; x++) if (m.dark(x, y)) path += `M${x + QR_QUIET} ${y + QR_QUIET}h1v1h-1z`;
  }
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${size} ${size}" shape-rendering="crispEdges">` +
    `<rect width="${size}" height="${size}" fill="#fff"/><path fill="#000" d="${path}"/></svg>`
  );
}

/** A Code 128 barcode as SVG, with a 10-module quiet zone either side and a white background. */
export function code128Svg(text: string, height = 40): string {
  const widths = code128Widths(text);
  const width = code128Modules(widths) + 2 * CODE128_QUIET;
  let x = CODE128_QUIET;
  let path = '';
  widths.forEach((w, i) => {
    if (i % 2 === 0) path += `M${x} 0h${w}v${height}h-${w}z`;
    x += w;
  });
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" preserveAspectRatio="none" shape-rendering="crispEdges">` +
    `<rect width="${width}" height="${height}" fill="#fff"/><path fill="#000" d="${path}"/></svg>`
  );
}
