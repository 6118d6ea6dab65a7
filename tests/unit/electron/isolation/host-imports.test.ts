import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importsOf } from '../../../support/layering-rules';

const NATIVE_IMAGE_PACKAGES = ['sharp', '@napi-rs/canvas', 'heic-decode'];

/** Every source file a module reaches through static and dynamic imports, with the packages each one imports. */
function reach(entry: string): Map<string, string[]> {
  const seen = new Map<string, string[]>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    const specifiers = importsOf(fs.readFileSync(file, 'utf8'));
    // `import type` is erased by the build: it loads nothing
    const typeOnly = new Set([...fs.readFileSync(file, 'utf8').matchAll(/import\s+type\s[^;]*?from\s*['"]([^'"]+)['"]/g)].map((m) => m[1]!));
    const loaded = specifiers.filter((s) => !typeOnly.has(s));
    seen.set(file, loaded.filter((s) => !s.startsWith('.')));
    for (const specifier of loaded.filter((s) => s.startsWith('.'))) {
      const base = path.resolve(path.dirname(file), specifier);
      const target = [base, `${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts')].find((f) => fs.existsSync(f) && fs.statSync(f).isFile());
      if (target && /\.(ts|tsx)$/.test(target)) visit(target);
    }
  };
  visit(path.resolve(entry));
  return seen;
}

const nativeUsers = (graph: Map<string, string[]>) =>
  [...graph].filter(([, packages]) => packages.some((p) => NATIVE_IMAGE_PACKAGES.some((n) => p === n || p.startsWith(`${n}/`)))).map(([file]) => path.relative(process.cwd(), file));

describe('the hosts never load the native image libraries themselves', () => {
  for (const host of ['electron/main.ts', 'electron/web-host/main.ts']) {
    it(`${host} reaches no module that imports sharp, @napi-rs/canvas or heic-decode`, () => {
      const graph = reach(host);
      expect(graph.size).toBeGreaterThan(30);
      expect(nativeUsers(graph)).toEqual([]);
    });
  }

  it('the worker reaches them: the drawing and the image checks run there', () => {
    const users = nativeUsers(reach('electron/isolation/worker-main.ts'));
    expect(users).toEqual(expect.arrayContaining(['electron/images/process-image.ts', 'electron/coupons/paint.ts']));
  });
});
