import { XMLParser } from 'fast-xml-parser';

/**
 * SVG is accepted only when it can never run anything: it is parsed, checked against an allowlist of
 * drawing elements and attributes, and written out again from the parse tree (comments dropped).
 * Script, event handlers, links and references to anything outside the file are refused with the
 * reason, not silently removed, so the shop owner knows what happened to the picture.
 */
const ELEMENTS = new Set([
  'svg', 'g', 'defs', 'title', 'desc', 'metadata', 'symbol', 'use', 'path', 'rect', 'circle', 'ellipse', 'line',
  'polyline', 'polygon', 'text', 'tspan', 'textPath', 'linearGradient', 'radialGradient', 'stop', 'clipPath', 'mask',
  'pattern', 'marker', 'image', 'style', 'filter', 'feGaussianBlur', 'feOffset', 'feBlend', 'feColorMatrix',
  'feComposite', 'feFlood', 'feMerge', 'feMergeNode', 'feMorphology', 'feDropShadow',
]);
/** Why an SVG is refused: the kind (a key under `apiErrors.image.svg`) and its values. */
export interface SvgProblem {
  kind: 'entities' | 'notWellFormed' | 'notSvg' | 'tooManyElements' | 'processingInstruction' | 'script' | 'foreignObject' | 'embedded' | 'link' | 'animation' | 'unsupportedElement' | 'eventHandler' | 'characterReferences' | 'javascriptAddress' | 'outsideReference' | 'activeStyles';
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
const DATA_IMAGE = /^data:image\/(?:png|jpeg|webp|gif);base64,[A-Za-z0-9+/=\s]+$/;
const MAX_NODES = 50_000;

export type SvgCheck = { ok: true; svg: string; width: number; height: number } | { ok: false; problem: SvgProblem };

interface Node {
  [name: string]: Node[] | Record<string, string> | string | undefined;
}

export function checkSvg(source: string): SvgCheck {
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
  } catch (error) {
    return { ok: false, problem: { kind: 'notWellFormed' } };
  }
  const roots = tree.filter((node) => !('#comment' in node) && !('#text' in node && String(node['#text']).trim() === ''));
  if (roots.length !== 1 || elementName(roots[0]!) !== 'svg') return { ok: false, problem: { kind: 'notSvg' } };

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
    const attributes = (node[':@'] ?? {}) as Record<string, string>;
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
    void parent;
    return inner ? `${out}>${inner}</${name}>` : `${out}/>`;
  };
  let svg: string;
  try {
    svg = write(roots[0]!, '');
  } catch {
    return { ok: false, problem: { kind: 'tooManyElements', params: { max: MAX_NODES } } };
  }
  if (problems.length > 0) return { ok: false, problem: problems[0]! };
  const attributes = (roots[0]![':@'] ?? {}) as Record<string, string>;
  const { width, height } = svgSize(attributes);
  return { ok: true, svg, width, height };
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
  if (name === 'href' || name.endsWith(':href') || name === 'src') {
    if (value.startsWith('#')) return null;
    if (element === 'image' && DATA_IMAGE.test(value)) return null;
    return { kind: 'outsideReference' };
  }
  if (hasOutsideUrl(value)) return { kind: 'outsideReference' };
  return null;
}

/** A CSS url(...) that is not a same-document fragment (url(#gradient) is fine). */
function hasOutsideUrl(text: string): boolean {
  for (const match of text.matchAll(/url\(\s*(['"]?)([^)]*?)\1\s*\)/gi)) if (!match[2]!.trim().startsWith('#')) return true;
  return /url\(/i.test(text.replace(/url\(\s*(['"]?)\s*#[^)]*?\1\s*\)/gi, ''));
}

function cssProblem(css: string): SvgProblem | null {
  if (/@import|expression\s*\(|javascript:|behavior\s*:/i.test(css)) return { kind: 'activeStyles' };
  if (hasOutsideUrl(css)) return { kind: 'outsideReference' };
  return null;
}

function svgSize(attributes: Record<string, string>): { width: number; height: number } {
  const number = (value: string | undefined) => {
    const n = value ? Number.parseFloat(value) : Number.NaN;
    return Number.isFinite(n) && n > 0 && /^\s*[\d.]+\s*(px)?\s*$/.test(value ?? '') ? n : null;
  };
  const viewBox = (attributes.viewBox ?? '').trim().split(/[\s,]+/).map(Number);
  const vbWidth = viewBox.length === 4 && viewBox[2]! > 0 ? viewBox[2]! : null;
  const vbHeight = viewBox.length === 4 && viewBox[3]! > 0 ? viewBox[3]! : null;
  return {
    width: Math.round(number(attributes.width) ?? vbWidth ?? 300),
    height: Math.round(number(attributes.height) ?? vbHeight ?? 150),
  };
}
