import { describe, expect, it } from 'vitest';
import { processImage } from '../../../../electron/images/process-image';

const svg = (inner: string, rootAttributes = '') =>
  Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="40" height="40" ${rootAttributes}>${inner}</svg>`);

const LOADS = /style rules that load or run things/;
const OUTSIDE = /refers to something outside the file/;

describe('SVG styles that could fetch something are refused', () => {
  const refused: Array<[string, Buffer, RegExp]> = [
    ['@import without url()', svg('<style>@import "https://evil.example/x.css";</style>'), LOADS],
    ['@import spelled with a CSS escape', svg('<style>@\\69mport "https://evil.example/x.css";</style>'), LOADS],
    ['@import split by a comment', svg('<style>@im/**/port "x.css";</style>'), LOADS],
    ['@font-face with a local() source', svg('<style>@font-face { font-family: x; src: local(Arial) }</style>'), LOADS],
    ['@font-face with a data: source', svg('<style>@font-face { font-family: x; src: url(data:font/woff2;base64,AAAA) }</style>'), LOADS],
    ['image-set() in a style element', svg('<style>rect { background: image-set("https://evil.example/a.png" 1x) }</style>'), LOADS],
    ['-webkit-image-set() in a style attribute', svg('<rect width="5" height="5" style="background:-webkit-image-set(\'a.png\' 1x)"/>'), LOADS],
    ['image-set() spelled with escapes', svg('<rect width="5" height="5" style="background:\\69 mage-set(\'a.png\' 1x)"/>'), LOADS],
    ['src() in a style element', svg('<style>rect { background-image: src("https://evil.example/a.png") }</style>'), LOADS],
    ['url() spelled with a hex escape in a style attribute', svg('<rect width="5" height="5" style="fill:\\75 rl(https://evil.example/a.png)"/>'), OUTSIDE],
    ['url() spelled with a letter escape in a style element', svg('<style>rect { fill: u\\rl(https://evil.example/a.png) }</style>'), OUTSIDE],
    ['url() with an escape in a presentation attribute', svg('<rect width="5" height="5" fill="\\000075rl(https://evil.example/a.png)"/>'), OUTSIDE],
    ['url() to another file in a style attribute', svg('<rect width="5" height="5" style="filter:url(other.svg#f)"/>'), OUTSIDE],
    ['xml:base on the root', svg('<rect width="5" height="5"/>', 'xml:base="https://evil.example/"'), OUTSIDE],
    ['xml:base on an element', svg('<g xml:base="https://evil.example/"><use href="#a"/></g>'), OUTSIDE],
  ];
  for (const [label, bytes, message] of refused) {
    it(`refuses ${label}`, async () => {
      await expect(processImage(bytes, 'x.svg')).rejects.toThrow(message);
    });
  }

  it('keeps plain styles and references inside the file', async () => {
    const image = await processImage(
      svg(
        '<defs><linearGradient id="g"><stop offset="0" stop-color="#f80"/></linearGradient></defs>' +
          '<style>.a { fill: url( "#g" ) } text { font-family: "Noto Sans", sans-serif; font-weight: bold }</style>' +
          '<rect class="a" width="20" height="20"/><rect width="5" height="5" style="fill:url(#g);stroke:#000"/>',
      ),
      'logo.svg',
    );
    const text = image.bytes.toString('utf8');
    expect(text).toContain('fill: url( "#g" )');
    expect(text).toContain('style="fill:url(#g);stroke:#000"');
  });
});
