import { QR_QUIET, code128Bars, qrMatrix } from './symbols';

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
  const { modules: width, bars } = code128Bars(text);
  const path = bars.map((bar) => `M${bar.x} 0h${bar.width}v${height}h-${bar.width}z`).join('');
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" preserveAspectRatio="none" shape-rendering="crispEdges">` +
    `<rect width="${width}" height="${height}" fill="#fff"/><path fill="#000" d="${path}"/></svg>`
  );
}
