import type Database from 'better-sqlite3';

export interface BatchInserter {
  add(...values: unknown[]): void;
  /** Writes the rows still buffered. Call inside the same transaction as the adds. */
  flush(): void;
}

/**
 * Buffers rows and inserts them `rowsPerStatement` at a time with one multi-row INSERT:
 * far fewer native calls than one statement per row when bulk loading.
 */
export function createBatchInserter(
  sqlite: Database.Database,
  table: string,
  columns: readonly string[],
  rowsPerStatement = 64,
): BatchInserter {
  const width = columns.length;
  const statementFor = (rows: number) =>
    sqlite.prepare(
      `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${Array.from({ length: rows }, () => `(${Array(width).fill('?').join(', ')})`).join(', ')}`,
    );
  const full = statementFor(rowsPerStatement);
  const single = statementFor(1);
  const buffer: unknown[] = new Array(width * rowsPerStatement);
  let filled = 0;
  return {
    add(...values) {
      for (let i = 0; i < width; i++) buffer[filled * width + i] = values[i];
      if (++filled === rowsPerStatement) {
        full.run(buffer);
        filled = 0;
      }
    },
    flush() {
      for (let row = 0; row < filled; row++) single.run(buffer.slice(row * width, row * width + width));
      filled = 0;
    },
  };
}
