import { XMLParser } from 'fast-xml-parser';
import { MAX_IMAGE_PIXELS } from './limits';
import { rasterSize } from './raster-size';
import { cssProblem, withoutSizeDeclarations } from './svg-css';
import { cssSvgSize, writtenRootSize, wholePixels } from './svg-size';

/**
 * SVG is accepted only when it can never run anything: it is parsed, checked against an allowlist of
 * drawing elements and attributes, and written out again from the parse tree (comments dropped).
 * Script, event handlers, links, references to anything outside the file (xml:base included) and styles that
 * could fetch something are refused with the reason, not silently removed, so the shop owner knows what happened
 * to the picture. The size is read as a browser reads it (svg-size.ts) and written back onto the stored root in
 * plain pixels with a viewBox, so the coupon renderer cannot read a larger one; a picture embedded as a data:
 * address may not be larger than an uploaded one.
 */
const ELEMENTS = new Set([
  'svg', 'g', 'defs', 'title', 'desc', 'metadata', 'symbol', 'use', 'path', 'rect', 'circle', 'ellipse', 'line',
  'polyline', 'polygon', 'text', 'tspan', 'textPath', 'linearGradient', 'radialGradient', 'stop', 'clipPath', 'mask',
  'pattern', 'marker', 'image', 'style', 'filter', 'feGaussianBlur', 'feOffset', 'feBlend', 'feColorMatrix',
  'feComposite', 'feFlood', 'feMerge', 'feMergeNode', 'feMorphology', 'feDropShadow',
]);
/** Why an SVG is refused: the kind (a key under `apiErrors.image.svg`) and its values. */
export interface SvgProblem {
  kind: 'entities' | 'notWellFormed' | 'notSvg' | 'tooManyElements' | 'processingInstruction' | 'script' | 'foreignObject' | 'embedded' | 'link' | 'animation' | 'unsupportedElement' | 'eventHandler' | 'characterReferences' | 'javascriptAddress' | 'outsideReference' | 'activeStyles' | 'embeddedTooLarge' | 'embeddedUnreadable';
  params?: Record<string, string | number>;
}
const FORBIDDEN_ELEMENTS: Record<string, SvgProblem['kind']> = {
  script: 'script',
  foreignObject: 'foreignObject',
  iframe: 'embedded',
  embed: 'embedded',
  object: 'embedded',
  a: 'link',
  animate: 'animation',
  set: 'animation',
  animateTransform: 'animation',
  animateMotion: 'animation',
  handler: 'script',
  listener: 'script',
};
const SAFE_ENTITY = /&(?:amp|lt|gt|quot|apos);/g;
const DATA_IMAGE = /^data:image\/(?:png|jpeg|webp|gif);base64,([A-Za-z0-9+/=\s]+)$/;
const MAX_NODES = 50_000;

/** A picture that passed: the SVG to store, and its size in whole pixels (as written on its root). */
export type SvgCheck = { ok: true; svg: string; width: number; height: number } | { ok: false; problem: SvgProblem };

interface Node {
  [name: string]: Node[] | Record<string, string> | string | undefined;
}

/** The root element's attributes of an SVG document, or why it is not one. */
export function parseSvgRoot(source: string): { ok: true; root: Node; attributes: Record<string, string> } | { ok: false; problem: SvgProblem } {
  if (/<!DOCTYPE|<!ENTITY/i.test(source)) return { ok: false, problem: { kind: 'entities' } };
  let tree: Node[];
  try {
    tree = new XMLParser({
      preserveOrder: true,
      ignoreAttributes: false,
      attributeNamePrefix: '',
      processEntities: false,
      ignoreDeclaration: true,
      commentPropName: '#comment',
      allowBooleanAttributes: true,
    }).parse(source, true) as Node[];
  } catch {
    return { ok: false, problem: { kind: 'notWellFormed' } };
  }
  const roots = tree.filter((node) => !('#comment' in node) && !('#text' in node && String(node['#text']).trim() === ''));
  if (roots.length !== 1 || elementName(roots[0]!) !== 'svg') return { ok: false, problem: { kind: 'notSvg' } };
  return { ok: true, root: roots[0]!, attributes: Object.fromEntries(Object.entries(roots[0]![':@'] ?? {}).map(([k, v]) => [k, String(v)])) };
}

export function checkSvg(source: string): SvgCheck {
  const parsed = parseSvgRoot(source);
  if (!parsed.ok) return parsed;
  const size = cssSvgSize(parsed.attributes);
  const rootSize = writtenRootSize(size);

  let count = 0;
  const problems: SvgProblem[] = [];
  const write = (node: Node, parent: string): string => {
    if (++count > MAX_NODES) throw new Error('too many elements');
    if ('#comment' in node) return '';
    if ('#text' in node) return escapeText(String(node['#text']));
    const name = elementName(node);
    if (name.startsWith('?')) {
      problems.push({ kind: 'processingInstruction' });
      return '';
    }
    const local = name.includes(':') ? name.split(':')[1]! : name;
    if (FORBIDDEN_ELEMENTS[local]) {
      problems.push({ kind: FORBIDDEN_ELEMENTS[local]! });
      return '';
    }
    if (!ELEMENTS.has(local)) {
      problems.push({ kind: 'unsupportedElement', params: { name: name.slice(0, 30) } });
      return '';
    }
    const own = (node[':@'] ?? {}) as Record<string, string>;
    const isRoot = parent === '';
    const attributes = isRoot ? { ...withoutSize(own), ...rootSize } : own;
    let out = `<${name}`;
    for (const [key, raw] of Object.entries(attributes)) {
      const value = String(raw);
      const problem = attributeProblem(local, key, value);
      if (problem) {
        problems.push(problem);
        continue;
      }
      out += ` ${key}="${value.replace(/"/g, '&quot;').replace(/</g, '&lt;')}"`;
    }
    const children = (node[name] as Node[]) ?? [];
    if (local === 'style') {
      const css = children.map((c) => String(c['#text'] ?? '')).join('');
      const problem = cssProblem(css);
      if (problem) problems.push(problem);
    }
    const inner = children.map((child) => write(child, local)).join('');
    return inner ? `${out}>${inner}</${name}>` : `${out}/>`;
  };
  let svg: string;
  try {
    svg = write(parsed.root, '');
  } catch {
    return { ok: false, problem: { kind: 'tooManyElements', params: { max: MAX_NODES } } };
  }
  if (problems.length > 0) return { ok: false, problem: problems[0]! };
  return { ok: true, svg, width: wholePixels(size.width), height: wholePixels(size.height) };
}

/**
 * The root's attributes without its own size, which is replaced by the checked one (written last: Skia lets the
 * last of `width="…"` and `style="width:…"` win, so a size in the root's style is dropped too).
 */
function withoutSize(attributes: Record<string, string>): Record<string, string> {
  const kept = Object.entries(attributes).filter(([key]) => key !== 'width' && key !== 'height' && key !== 'viewBox');
  return Object.fromEntries(kept.map(([key, value]) => [key, key === 'style' ? withoutSizeDeclarations(String(value)) : value]));
}

function elementName(node: Node): string {
  return Object.keys(node).find((key) => key !== ':@') ?? '';
}

function escapeText(text: string): string {
  return text.replace(/</g, '&lt;').replace(/&(?!(?:amp|lt|gt|quot|apos);)/g, '&amp;');
}

function attributeProblem(element: string, key: string, value: string): SvgProblem | null {
  const name = key.toLowerCase();
  if (name.startsWith('on')) return { kind: 'eventHandler', params: { name: key.slice(0, 30) } };
  if (/&(?!(?:amp|lt|gt|quot|apos);)/.test(value) || value.replace(SAFE_ENTITY, '').includes('&')) return { kind: 'characterReferences' };
  const plain = value.replace(SAFE_ENTITY, ' ').replace(/\s+/g, '').toLowerCase();
  if (plain.includes('javascript:') || plain.includes('vbscript:')) return { kind: 'javascriptAddress' };
  if (name === 'xml:base') return { kind: 'outsideReference' };
  if (name === 'href' || name.endsWith(':href') || name === 'src') {
    if (value.startsWith('#')) return null;
    const data = element === 'image' ? DATA_IMAGE.exec(value) : null;
    return data ? embeddedImageProblem(data[1]!) : { kind: 'outsideReference' };
  }
  // presentation attributes are CSS values too (fill="url(…)"), and style="…" is a declaration list
  return cssProblem(decodeBasicEntities(value));
}

/** A picture embedded as a data: address: its header must be readable and within the upload's pixel limit. */
function embeddedImageProblem(base64: string): SvgProblem | null {
  const size = rasterSize(Buffer.from(base64.replace(/\s+/g, ''), 'base64'));
  if (!size) return { kind: 'embeddedUnreadable' };
  if (size.width * size.height > MAX_IMAGE_PIXELS) return { kind: 'embeddedTooLarge', params: { width: size.width, height: size.height } };
  return null;
}

function decodeBasicEntities(value: string): string {
  const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
  return value.replace(SAFE_ENTITY, (entity) => named[entity.slice(1, -1)]!);
}
