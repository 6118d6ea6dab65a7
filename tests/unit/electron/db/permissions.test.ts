import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../../electron/db/client';
import { makeTempDir, MIGRATIONS_DIR } from '../../../support/temp-dir';

const mode = (file: string) => fs.statSync(file).mode & 0o777;

/** The shop's files other users of the computer could otherwise read: everything in the folder. */
function shopFiles(dir: string): string[] {
  return fs.readdirSync(dir).map((name) => path.join(dir, name));
}

describe.runIf(process.platform !== 'win32')('the data folder is readable by its user only', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let umask: number;
  beforeEach(() => {
    temp = makeTempDir();
    umask = process.umask(0o022); // the usual umask, which alone would make files readable by everyone
  });
  afterEach(() => {
    process.umask(umask);
    temp.cleanup();
  });

  it('a new folder is 0700 and the database, its WAL and shared-memory files and the lock are 0600', () => {
    const dataDir = path.join(temp.dir, 'nested', 'Stampdesk');
    const db = openDatabase({ dataDir, migrationsDir: MIGRATIONS_DIR });
    try {
      db.sqlite.prepare("INSERT INTO settings (key, value) VALUES ('probe', '1') ON CONFLICT(key) DO UPDATE SET value = excluded.value").run();
      expect(mode(dataDir)).toBe(0o700);
      const files = shopFiles(dataDir);
      expect(files.map((f) => path.basename(f))).toEqual(expect.arrayContaining(['stampdesk.db', 'stampdesk.db-wal', 'stampdesk.db-shm']));
      for (const file of files) expect([path.basename(file), mode(file).toString(8)]).toEqual([path.basename(file), '600']);
    } finally {
      db.close();
    }
  });

  it('an older shop folder (0755, files 0644) is tightened, and the backup made before an upgrade is 0600', () => {
    const dataDir = path.join(temp.dir, 'old');
    fs.mkdirSync(dataDir, { mode: 0o755 });
    // a database as an older Stampdesk left it: only the first migration applied, readable by everyone
    const old = new Database(path.join(dataDir, 'stampdesk.db'));
    old.pragma('journal_mode = WAL');
    old.exec('CREATE TABLE probe (x)');
    old.close();
    fs.chmodSync(path.join(dataDir, 'stampdesk.db'), 0o644);
    fs.chmodSync(dataDir, 0o755);
    const migrations = path.join(temp.dir, 'migrations-1');
    fs.cpSync(MIGRATIONS_DIR, migrations, { recursive: true });
    const journal = JSON.parse(fs.readFileSync(path.join(migrations, 'meta', '_journal.json'), 'utf8')) as { entries: unknown[] };
    fs.writeFileSync(path.join(migrations, 'meta', '_journal.json'), JSON.stringify({ ...journal, entries: journal.entries.slice(0, 1) }));
    openDatabase({ dataDir, migrationsDir: migrations }).close();
    openDatabase({ dataDir, migrationsDir: MIGRATIONS_DIR }).close(); // the upgrade: keeps a .bak copy first

    expect(mode(dataDir)).toBe(0o700);
    const files = shopFiles(dataDir);
    expect(files.some((f) => f.endsWith('.bak'))).toBe(true);
    for (const file of files) expect([path.basename(file), mode(file).toString(8)]).toEqual([path.basename(file), '600']);
  });

  it('an existing folder chosen with --data-dir is made private too, and the files made in it are 0600', () => {
    const dataDir = path.join(temp.dir, 'chosen');
    fs.mkdirSync(dataDir, { mode: 0o775 });
    fs.chmodSync(dataDir, 0o775);
    openDatabase({ dataDir, migrationsDir: MIGRATIONS_DIR }).close();
    expect(mode(dataDir)).toBe(0o700);
    for (const file of shopFiles(dataDir)) expect([path.basename(file), mode(file).toString(8)]).toEqual([path.basename(file), '600']);
  });
});
