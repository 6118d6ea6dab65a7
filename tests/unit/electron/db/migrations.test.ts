import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../../electron/db/client';
import { makeTempDir, MIGRATIONS_DIR } from '../../../support/temp-dir';

interface Journal {
  entries: Array<{ idx: number; tag: string; when: number }>;
}
const journal = JSON.parse(fs.readFileSync(path.join(MIGRATIONS_DIR, 'meta', '_journal.json'), 'utf8')) as Journal;

/** A copy of the migrations folder holding only the first `count` migrations: an older app build. */
function olderMigrations(root: string, count: number): string {
  const dir = path.join(root, `migrations-${count}`);
  fs.mkdirSync(path.join(dir, 'meta'), { recursive: true });
  const entries = journal.entries.slice(0, count);
  for (const entry of entries) fs.copyFileSync(path.join(MIGRATIONS_DIR, `${entry.tag}.sql`), path.join(dir, `${entry.tag}.sql`));
  fs.writeFileSync(path.join(dir, 'meta', '_journal.json'), JSON.stringify({ ...journal, entries }));
  return dir;
}

const sha = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

describe('database migrations', () => {
  let temp: ReturnType<typeof makeTempDir>;
  beforeEach(() => {
    temp = makeTempDir();
  });
  afterEach(() => temp.cleanup());

  it('ships at least two migrations, so upgrades are exercised', () => {
    expect(journal.entries.length).toBeGreaterThanOrEqual(2);
  });

  it('opens with WAL, synchronous=FULL, foreign keys on and a busy timeout', () => {
    const db = openDatabase({ dataDir: temp.dir, migrationsDir: MIGRATIONS_DIR });
    expect(db.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.sqlite.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.sqlite.pragma('busy_timeout', { simple: true })).toBe(5000);
    expect(db.schemaVersion).toBe(journal.entries.length);
    db.close();
  });

  it('upgrades a database made by the first migration, keeping its data and a backup', () => {
    const dataDir = path.join(temp.dir, 'data');
    const first = openDatabase({ dataDir, migrationsDir: olderMigrations(temp.dir, 1) });
    expect(first.schemaVersion).toBe(1);
    first.sqlite.exec(`
      INSERT INTO card_templates (id, name, created_at) VALUES (1024, 'Coffee Club', 1);
      INSERT INTO template_versions (template_id, version, goal, created_at) VALUES (1024, 2, 8, 1);
      INSERT INTO customers (id, name, email, created_at) VALUES (1, 'สมชาย ศรีสุข', 'somchai@example.com', 1);
      INSERT INTO cards (id, token, customer_id, template_id, template_version, stamps, goal, platforms, created_at)
        VALUES (113772, 'tok-113772', 1, 1024, 2, 3, 8, 6, 1);
      INSERT INTO settings (key, value) VALUES ('shopName', '"Corner Café"');
    `);
    expect(first.sqlite.prepare("SELECT name FROM sqlite_master WHERE name = 'vouchers'").get()).toBeUndefined();
    first.close();

    const upgraded = openDatabase({ dataDir, migrationsDir: MIGRATIONS_DIR });
    expect(upgraded.schemaVersion).toBe(journal.entries.length);
    expect(upgraded.sqlite.prepare('SELECT name FROM customers WHERE id = 1').get()).toEqual({ name: 'สมชาย ศรีสุข' });
    expect(upgraded.sqlite.prepare('SELECT stamps, platforms FROM cards WHERE id = 113772').get()).toEqual({ stamps: 3, platforms: 6 });
    expect(upgraded.sqlite.prepare("SELECT value FROM settings WHERE key = 'shopName'").get()).toEqual({ value: '"Corner Café"' });
    // the later migration's tables work against the old data
    upgraded.sqlite
      .prepare("INSERT INTO vouchers (token, card_id, title, status, issued_at) VALUES ('v1', 113772, 'Sorry!', 'active', 2)")
      .run();
    expect(upgraded.sqlite.prepare('PRAGMA foreign_key_check').all()).toEqual([]);
    upgraded.close();

    const backups = fs.readdirSync(dataDir).filter((f) => f.includes('.before-v'));
    expect(backups).toHaveLength(1);
    const backup = new Database(path.join(dataDir, backups[0]!), { readonly: true });
    expect(backup.prepare('SELECT count(*) AS n FROM cards').get()).toEqual({ n: 1 });
    backup.close();
  });

  it('an upgrade to voucher title search indexes the titles of vouchers made before it', () => {
    const dataDir = path.join(temp.dir, 'data');
    const before = journal.entries.findIndex((e) => e.tag.endsWith('_voucher_titles'));
    expect(before).toBeGreaterThan(0);
    const older = openDatabase({ dataDir, migrationsDir: olderMigrations(temp.dir, before) });
    older.sqlite.exec(`
      INSERT INTO vouchers (token, title, code_kind, redeem_code, issued_at) VALUES ('V1', 'Free dessert', 'static', 'CAKE', 1);
      INSERT INTO vouchers (token, title, code_kind, redeem_code, issued_at) VALUES ('V2', 'Free dessert', 'static', 'CAKE', 1);
      INSERT INTO vouchers (token, title, issued_at) VALUES ('V3', 'Opening party', 1);
    `);
    older.close();
    const db = openDatabase({ dataDir, migrationsDir: MIGRATIONS_DIR });
    expect(db.sqlite.prepare('SELECT title FROM voucher_titles ORDER BY title').pluck().all()).toEqual(['Free dessert', 'Opening party']);
    db.sqlite.exec("INSERT INTO vouchers (token, title, issued_at) VALUES ('V4', 'Birthday gift', 2)");
    expect(db.sqlite.prepare('SELECT count(*) FROM voucher_titles').pluck().get()).toBe(3);
    db.close();
  });

  it('opening an up-to-date database twice applies nothing and makes no backup', () => {
    openDatabase({ dataDir: temp.dir, migrationsDir: MIGRATIONS_DIR }).close();
    const again = openDatabase({ dataDir: temp.dir, migrationsDir: MIGRATIONS_DIR });
    expect(again.schemaVersion).toBe(journal.entries.length);
    again.close();
    expect(fs.readdirSync(temp.dir).filter((f) => f.includes('.bak'))).toEqual([]);
  });

  it('refuses a database from a newer Stampdesk and leaves the file untouched', () => {
    const db = openDatabase({ dataDir: temp.dir, migrationsDir: MIGRATIONS_DIR });
    db.sqlite.prepare('INSERT INTO __drizzle_migrations (hash, created_at) VALUES (?, ?)').run('future', 9_999_999_999_999);
    db.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    const file = path.join(temp.dir, 'stampdesk.db');
    const before = sha(file);
    expect(() => openDatabase({ dataDir: temp.dir, migrationsDir: MIGRATIONS_DIR })).toThrow(/newer version of Stampdesk/);
    expect(sha(file)).toBe(before);
  });

  it('refuses a file that is not a database and leaves it untouched', () => {
    const file = path.join(temp.dir, 'stampdesk.db');
    const junk = crypto.randomBytes(8192);
    fs.writeFileSync(file, junk);
    expect(() => openDatabase({ dataDir: temp.dir, migrationsDir: MIGRATIONS_DIR })).toThrow(/damaged or is not a Stampdesk database/);
    expect(fs.readFileSync(file)).toEqual(junk);
  });

  it('refuses a database whose pages are damaged and leaves it untouched', () => {
    const db = openDatabase({ dataDir: temp.dir, migrationsDir: MIGRATIONS_DIR });
    db.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    const file = path.join(temp.dir, 'stampdesk.db');
    const bytes = fs.readFileSync(file);
    bytes.fill(0xa5, 100, bytes.length); // keep the 100-byte header, wreck every page
    fs.writeFileSync(file, bytes);
    expect(() => openDatabase({ dataDir: temp.dir, migrationsDir: MIGRATIONS_DIR })).toThrow(/damaged/);
    expect(fs.readFileSync(file)).toEqual(bytes);
  });

  it('explains a data folder that cannot be created or written', () => {
    const aFile = path.join(temp.dir, 'plain-file');
    fs.writeFileSync(aFile, 'x');
    expect(() => openDatabase({ dataDir: path.join(aFile, 'data'), migrationsDir: MIGRATIONS_DIR })).toThrow(
      /data folder .* cannot be created/,
    );
    expect(() => openDatabase({ dataDir: aFile, migrationsDir: MIGRATIONS_DIR })).toThrow(/data folder .* cannot be created/);
    fs.mkdirSync(path.join(temp.dir, 'dir', 'stampdesk.db'), { recursive: true });
    expect(() => openDatabase({ dataDir: path.join(temp.dir, 'dir'), migrationsDir: MIGRATIONS_DIR })).toThrow(/is not a file/);
  });
});
