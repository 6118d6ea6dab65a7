import fs from 'node:fs';
import path from 'node:path';
import type { CatalogueTree } from '../../shared/i18n/catalogues';

export const CATALOGUE_DIR = path.resolve(import.meta.dirname, '../../shared/i18n/catalogues');

/** A locale's catalogue as the files on disk hold it: one area per <area>.json. */
export function readCatalogue(locale: string): CatalogueTree {
  const dir = path.join(CATALOGUE_DIR, locale);
  if (!fs.existsSync(dir)) return {};
  return Object.fromEntries(
    fs
      .readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .map((f) => [f.replace(/\.json$/, ''), JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as CatalogueTree]),
  );
}

/** Leaf keys and their text, dotted. */
export function leaves(tree: CatalogueTree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    if (typeof value === 'string') out.set(`${prefix}${key}`, value);
    else for (const [k, v] of leaves(value, `${prefix}${key}.`)) out.set(k, v);
  }
  return out;
}

/** `{{name}}` and `{{name, number}}` placeholders of a text, by name. */
export function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{\s*([\w.]+)\s*(?:,[^}]*)?\}\}/g)].map((m) => m[1]!).sort();
}
