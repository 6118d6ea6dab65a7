import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

const SOURCE_DIRS = ['renderer', 'electron', 'shared'];
/** Areas whose keys the code names without the area (AppError('not_found', 'card.notFound'), says('tooLong')). */
const KEYED_AREAS = ['apiErrors.', 'validation.', 'cards.importReasons.'];

function sourceFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'catalogues' || entry.name === 'node_modules' ? [] : sourceFiles(full);
    return /\.(ts|tsx)$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [full] : [];
  });
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Whether a catalogue key is used by the code: named by a string literal, or matched by a template literal
 * (`events.types.${type}`), in renderer/, electron/ or shared/. Keys of the error, validation and import-reason
 * areas also count when named without their area, as the code names them.
 */
export function usedKeyMatchers(root: string): (key: string) => boolean {
  const literals = new Set<string>();
  const patterns: RegExp[] = [];
  for (const file of SOURCE_DIRS.flatMap((dir) => sourceFiles(path.join(root, dir)))) {
    const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
    const visit = (node: ts.Node) => {
      if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) literals.add(node.text);
      if (ts.isTemplateExpression(node)) {
        const parts = [escape(node.head.text), ...node.templateSpans.map((span) => `[\\w.]+${escape(span.literal.text)}`)];
        const pattern = parts.join('');
        if (/[a-zA-Z]/.test(node.head.text)) patterns.push(new RegExp(`^${pattern}$`));
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return (key) => {
    const names = [key, ...KEYED_AREAS.filter((area) => key.startsWith(area)).map((area) => key.slice(area.length))];
    return names.some((name) => literals.has(name) || patterns.some((p) => p.test(name)));
  };
}
