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
const FORBIDDEN_ELEMENTS: Record<string, string> = {
  script: 'contains a script',
  foreignObject: 'embeds HTML (foreignObject)',
  iframe: 'embeds a web page',
  embed: 'embeds other content',
  object: 'embeds other content',
  a: 'contains a link',
  animate: 'contains animation that can change links',
  set: 'contains animation that can change links',
  animateTransform: 'contains animation',
  animateMotion: 'contains animation',
  handler: 'contains a script handler',
  listener: 'contains a script listener',
};
const SAFE_ENTITY = /&(?:amp|lt|gt|quot|apos);/g;
const DATA_IMAGE = /^data:image\/(?:png|jpeg|webp|gif);base64,[A-Za-z0-9+/=\s]+$/;
const MAX_NODES = 50_000;

export type SvgCheck = { ok: true; svg: string; width: number; height: number } | { ok: false; problem: string };

interface Node {
  [name: string]: Node[] | Record<string, string> | string | undefined;
}

export function checkSvg(source: string): SvgCheck {
  if (/<!DOCTYPE|<!ENTITY/i.test(source)) return { ok: false, problem: 'The SVG declares entities or a DOCTYPE, which are not allowed.' };
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
    return { ok: false, problem: `The SVG is not well-formed (${(error as Error).message.split('\n')[0]}).` };
  }
  const roots = tree.filter((node) => !('#comment' in node) && !('#text' in node && String(node['#text']).trim() === ''));
  if (roots.length !== 1 || elementName(roots[0]!) !== 'svg') return { ok: false, problem: 'This is not an SVG picture.' };

  let count = 0;
  const problems: string[] = [];
  const write = (node: Node, parent: string): string => {
    if (++count > MAX_NODES) throw new Error('too many elements');
    if ('#comment' in node) return '';
    if ('#text' in node) return escapeText(String(node['#text']));
    const name = elementName(node);
    if (name.startsWith('?')) {
      problems.push('contains a processing instruction');
      return '';
    }
    const local = name.includes(':') ? name.split(':')[1]! : name;
    if (FORBIDDEN_ELEMENTS[local]) {
      problems.push(FORBIDDEN_ELEMENTS[local]!);
      return '';
    }
    if (!ELEMENTS.has(local)) {
      problems.push(`contains an unsupported element <${name.slice(0, 30)}>`);
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
    return { ok: false, problem: `The SVG has more than ${MAX_NODES.toLocaleString('en')} elements.` };
  }
  if (problems.length > 0) return { ok: false, problem: `The SVG ${[...new Set(problems)].slice(0, 3).join('; ')}. It was not saved.` };
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

function attributeProblem(element: string, key: string, value: string): string | null {
  const name = key.toLowerCase();
  if (name.startsWith('on')) return `has an event handler (${key.slice(0, 30)})`;
  if (/&(?!(?:amp|lt|gt|quot|apos);)/.test(value) || value.replace(SAFE_ENTITY, '').includes('&')) return 'hides text in character references';
  const plain = value.replace(SAFE_ENTITY, ' ').replace(/\s+/g, '').toLowerCase();
  if (plain.includes('javascript:') || plain.includes('vbscript:')) return 'contains a javascript: address';
  if (name === 'href' || name.endsWith(':href') || name === 'src') {
    if (value.startsWith('#')) return null;
    if (element === 'image' && DATA_IMAGE.test(value)) return null;
    return 'refers to something outside the file';
  }
  if (hasOutsideUrl(value)) return 'refers to something outside the file';
  return null;
}

/** A CSS url(...) that is not a same-document fragment (url(#gradient) is fine). */
function hasOutsideUrl(text: string): boolean {
  for (const match of text.matchAll(/url\(\s*(['"]?)([^)]*?)\1\s*\)/gi)) if (!match[2]!.trim().startsWith('#')) return true;
  return /url\(/i.test(text.replace(/url\(\s*(['"]?)\s*#[^)]*?\1\s*\)/gi, ''));
}

function cssProblem(css: string): string | null {
  if (/@import|expression\s*\(|javascript:|behavior\s*:/i.test(css)) return 'has style rules that load or run things';
  if (hasOutsideUrl(css)) return 'refers to something outside the file';
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
