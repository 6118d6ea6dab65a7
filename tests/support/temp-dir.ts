import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** A fresh folder under the OS temp dir, removed by the returned cleanup. */
export function makeTempDir(prefix = 'stampdesk-test-'): { dir: string; cleanup(): void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  return { dir, cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

export const MIGRATIONS_DIR = path.resolve('electron/db/migrations');

/**
 * A folder in `root` holding the migrations that came before `<NNNN>_<name>` (and its journal): a shop database made
 * by the build before that migration, for upgrade tests. Throws when no migration has that name.
 */
export function migrationsBefore(root: string, name: string): string {
  const journal = JSON.parse(fs.readFileSync(path.join(MIGRATIONS_DIR, 'meta', '_journal.json'), 'utf8')) as { entries: Array<{ tag: string }> };
  const count = journal.entries.findIndex((entry) => entry.tag.endsWith(`_${name}`));
  if (count <= 0) throw new Error(`no migration named ${name} after the first`);
  const entries = journal.entries.slice(0, count);
  const dir = path.join(root, `migrations-before-${name}`);
  fs.mkdirSync(path.join(dir, 'meta'), { recursive: true });
  for (const entry of entries) fs.copyFileSync(path.join(MIGRATIONS_DIR, `${entry.tag}.sql`), path.join(dir, `${entry.tag}.sql`));
  fs.writeFileSync(path.join(dir, 'meta', '_journal.json'), JSON.stringify({ ...journal, entries }));
  return dir;
}
