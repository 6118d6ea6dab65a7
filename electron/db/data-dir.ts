import fs from 'node:fs';
import path from 'node:path';
import { StorageError } from './storage-error';

/** Creates the data folder if needed and proves it is writable, with a message a shop owner can act on. */
export function prepareDataDir(dataDir: string): void {
  try {
    fs.mkdirSync(dataDir, { recursive: true });
  } catch (error) {
    throw new StorageError('storage.folderCannotBeCreated', { folder: dataDir, detail: describe(error) });
  }
  const probe = path.join(dataDir, `.write-test-${process.pid}`);
  try {
    fs.writeFileSync(probe, 'ok');
    fs.rmSync(probe, { force: true });
  } catch (error) {
    throw new StorageError('storage.folderNotWritable', { folder: dataDir, detail: describe(error) });
  }
}

function describe(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return code ?? (error instanceof Error ? error.message : String(error));
}
