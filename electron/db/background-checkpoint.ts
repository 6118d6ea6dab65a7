import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/**
 * Copies the WAL back into the database file on a worker thread, with a connection of its own. After a large
 * write job the WAL holds hundreds of megabytes; SQLite's automatic checkpoint would copy them on the thread that
 * commits next (a second or more for 300,000 imported rows), which is the thread that answers the app.
 *
 * A PASSIVE checkpoint never blocks readers or writers, and a checkpoint interrupted at any point (the app quits,
 * the worker dies) is safe: the WAL stays and the next checkpoint finishes the copy. If the worker cannot start,
 * SQLite's own automatic checkpoint does the copy later, as before.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
let db;
try {
  const Database = require(workerData.driver);
  db = new Database(workerData.file, { fileMustExist: true, timeout: 0 });
  db.pragma('synchronous = FULL');
  const [result] = db.pragma('wal_checkpoint(PASSIVE)');
  parentPort.postMessage({ ok: true, pages: result ? result.checkpointed : 0 });
} catch (error) {
  parentPort.postMessage({ ok: false, message: String(error && error.message || error) });
} finally {
  if (db) db.close();
}
`;

export interface CheckpointOutcome {
  ok: boolean;
  /** Pages copied into the database file. */
  pages?: number;
  message?: string;
}

/** Starts a background checkpoint of `file`'s WAL; resolves when it is over (never rejects). */
export function checkpointInBackground(file: string): Promise<CheckpointOutcome> {
  return new Promise((resolve) => {
    let settled = false;
    const done = (outcome: CheckpointOutcome) => {
      if (!settled) resolve(outcome);
      settled = true;
    };
    try {
      const driver = createRequire(import.meta.url).resolve('better-sqlite3');
      const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { file, driver } });
      worker.unref(); // a checkpoint never keeps the app from quitting
      worker.once('message', (outcome: CheckpointOutcome) => done(outcome));
      worker.once('error', (error) => done({ ok: false, message: error.message }));
      worker.once('exit', () => done({ ok: false, message: 'the checkpoint worker stopped' }));
    } catch (error) {
      done({ ok: false, message: (error as Error).message });
    }
  });
}
