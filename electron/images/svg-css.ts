import type { SvgProblem } from './svg-check';

/**
 * Styles in an SVG may not fetch anything. CSS is read the way a browser tokenizes it before it is judged:
 * comments removed and escapes decoded (`@\69mport`, `\75 rl(` spell `@import` and `url(`), so no spelling gets
 * past. Refused: `@import`, `@font-face` (its `src` loads fonts, `local()` probes the computer's), `image-set()`,
 * `image()`, `src()`, `expression()`, `behavior`, `-moz-binding`, `javascript:`, and `url()` to anything but a
 * fragment of the same file (`url(#gradient)` is fine).
 */
const ACTIVE = [
  /@import/,
  /@font-face/,
  /(?:^|[^\w-])(?:-[a-z]+-)?image-set\s*\(/,
  /(?:^|[^\w-])image\s*\(/,
  /(?:^|[^\w-])src\s*\(/,
  /expression\s*\(/,
  /behaviou?r\s*:/,
  /-moz-binding/,
  /(?:java|vb)script:/,
];

/** CSS as its tokenizer sees it: comments gone, escapes decoded, lower case. */
export function readableCss(css: string): string {
  return css
    .replace(/\/\*[\s\S]*?(?:\*\/|$)/g, '')
    .replace(/\\(?:([0-9a-fA-F]{1,6})[ \t\n\r\f]?|\r\n|([\s\S]))/g, (_all, hex: string | undefined, other: string | undefined) => {
      if (hex) {
        const code = Number.parseInt(hex, 16);
        return code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff) ? '\ufffd' : String.fromCodePoint(code);
      }
      return other === '\n' || other === '\r' || other === '\f' || other === undefined ? '' : other;
    })
    .toLowerCase();
}

/** Why a piece of CSS (a style element, a style attribute or a presentation attribute) is refused, if it is. */
export function cssProblem(css: string): SvgProblem | null {
  const readable = readableCss(css);
  if (ACTIVE.some((pattern) => pattern.test(readable))) return { kind: 'activeStyles' };
  if (hasOutsideUrl(readable)) return { kind: 'outsideReference' };
  return null;
}

/** A url(...) that is not a same-document fragment. */
function hasOutsideUrl(css: string): boolean {
  const fragmentsOnly = css.replace(/url\s*\(\s*(['"]?)\s*#[^)'"]*\1\s*\)/g, '');
  return /url\s*\(/.test(fragmentsOnly);
}

/** A style attribute without its width and height declarations (however spelled). */
export function withoutSizeDeclarations(style: string): string {
  return style
    .split(';')
    .filter((declaration) => !['width', 'height'].includes(readableCss(declaration.split(':')[0] ?? '').trim()))
    .join(';');
}

/** The width and height a style attribute declares (as written), which Skia applies like attributes. */
export function sizeDeclarations(style: string): { width?: string; height?: string } {
  const found: { width?: string; height?: string } = {};
  for (const declaration of style.split(';')) {
    const colon = declaration.indexOf(':');
    const name = readableCss(declaration.slice(0, Math.max(colon, 0))).trim();
    if (colon > 0 && (name === 'width' || name === 'height')) found[name] = declaration.slice(colon + 1).trim();
  }
  return found;
}
