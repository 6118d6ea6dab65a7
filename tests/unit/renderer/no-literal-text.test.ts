import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findLiteralText } from '../../support/literal-text';

const ROOT = path.resolve(import.meta.dirname, '../../..');

function componentFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return componentFiles(full);
    return entry.name.endsWith('.tsx') ? [full] : [];
  });
}

describe('components render no literal visible text', () => {
  it('finds text nodes, titles, placeholders, labels and alt texts written into a component', () => {
    const source = `export const X = () => (
      <div title="Close" aria-label={open ? 'Open it' : t('x')}>
        Hello {'there'} <img alt="" /> × {n} · <input placeholder={\`Type \${n}\`} />
      </div>
    );`;
    expect(findLiteralText('X.tsx', source).map((f) => f.text)).toEqual(['Close', 'Open it', 'Hello', 'there', 'Type']);
  });

  it('holds for every component under renderer/', () => {
    const found = componentFiles(path.join(ROOT, 'renderer')).flatMap((file) =>
      findLiteralText(file, fs.readFileSync(file, 'utf8')).map((f) => `${path.relative(ROOT, file)}:${f.line} ${f.where}: ${f.text}`),
    );
    expect(found).toEqual([]);
  });
});
