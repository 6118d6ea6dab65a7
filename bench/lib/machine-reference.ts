import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '../../electron/db/client';
import type { Measurement } from './report';

/**
 * How fast this machine is right now: 600,000 plain SQLite inserts in one transaction. Our build
 * machines are shared and their speed drifts (we have seen 1.3 s to 2.3 s for this); read the other
 * figures of a run against it.
 */
export function machineReference(): Measurement {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stampdesk-reference-'));
  try {
    const db = openDatabase({ dataDir: dir, migrationsDir: path.resolve('electron/db/migrations') });
    db.sqlite.exec('CREATE TABLE reference (id INTEGER PRIMARY KEY, a INTEGER, b TEXT, c TEXT, d INTEGER, e TEXT)');
    const rows = 64;
    const insert = db.sqlite.prepare(`INSERT INTO reference (a, b, c, d, e) VALUES ${Array(rows).fill('(?, ?, ?, ?, ?)').join(', ')}`);
    const values = new Array(rows * 5);
    const started = performance.now();
    db.tx(() => {
      for (let i = 0; i < 600_000 / rows; i++) {
        for (let r = 0; r < rows; r++) values.splice(r * 5, 5, i, 'stamp_added', 'Counter 1', 1_700_000_000_000 + i, '{"count":1,"stamps":3}');
        insert.run(values);
      }
    });
    const ms = performance.now() - started;
    db.close();
    return { name: 'machine speed reference (600,000 SQLite inserts)', value: ms, unit: 'ms', note: 'lower = faster machine; ~1,350 ms seen at best' };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
