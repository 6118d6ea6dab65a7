import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../../electron/db/client';
import { listPrinters } from '../../../../electron/db/repos/printers.repo';
import { listPrintJobs } from '../../../../electron/db/repos/print-jobs.repo';
import { makeTempDir, migrationsBefore, MIGRATIONS_DIR } from '../../../support/temp-dir';

describe('migration 0010: printers and print jobs of an older build are carried over', () => {
  let temp: ReturnType<typeof makeTempDir>;
  beforeEach(() => {
    temp = makeTempDir();
  });
  afterEach(() => temp.cleanup());

  it('keeps printers (raw TCP ones become network printers, the paper follows the dots, one default) and closes unfinished jobs', () => {
    const dataDir = path.join(temp.dir, 'data');
    const older = openDatabase({ dataDir, migrationsDir: migrationsBefore(temp.dir, 'printers_queue') });
    older.sqlite.exec(`
      INSERT INTO printers (id, name, kind, host, port, width_dots, is_default, created_at) VALUES (1, 'Bar', 'escpos-tcp', '192.168.1.50', 9100, 384, 1, 1);
      INSERT INTO printers (id, name, kind, system_name, width_dots, is_default, created_at) VALUES (2, 'Office', 'system', 'EPSON TM-T20', 576, 1, 2);
      INSERT INTO print_jobs (id, printer_id, status, payload, created_at, updated_at) VALUES (1, 1, 'done', '{}', 1, 1);
      INSERT INTO print_jobs (id, printer_id, status, payload, created_at, updated_at) VALUES (2, 1, 'queued', '{}', 2, 2);
    `);
    older.close();

    const db = openDatabase({ dataDir, migrationsDir: MIGRATIONS_DIR });
    const printers = listPrinters(db);
    expect(printers.map((p) => [p.id, p.kind, p.paperWidth, p.dots, p.language, p.isDefault, p.host, p.systemName])).toEqual([
      [1, 'network', 58, 384, 'esc-pos', true, '192.168.1.50', null],
      [2, 'system', 80, 576, 'esc-pos', false, null, 'EPSON TM-T20'],
    ]);
    expect(listPrintJobs(db, undefined, 10).map((j) => [j.id, j.status])).toEqual([
      [2, 'cancelled'],
      [1, 'done'],
    ]);
    // a second default is refused by the database itself
    expect(() => db.sqlite.exec('UPDATE printers SET is_default = 1 WHERE id = 2')).toThrow(/UNIQUE/);
    db.close();
  });
});
