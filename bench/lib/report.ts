import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface Measurement {
  name: string;
  value: number;
  unit: string;
  /** The figure the issue asks for, in the same unit. */
  target?: number;
  /** true when lower is better (times, memory). */
  lowerIsBetter?: boolean;
  note?: string;
}

export function passes(m: Measurement): boolean | null {
  if (m.target === undefined) return null;
  return m.lowerIsBetter === false ? m.value >= m.target : m.value <= m.target;
}

/** Prints the results as a table and writes bench/results/latest.json. */
export function report(measurements: Measurement[], context: Record<string, unknown>): void {
  const rows = measurements.map((m) => {
    const verdict = passes(m);
    return [
      m.name,
      `${formatNumber(m.value)} ${m.unit}`,
      m.target === undefined ? '' : `${m.lowerIsBetter === false ? '≥' : '≤'} ${formatNumber(m.target)} ${m.unit}`,
      verdict === null ? '' : verdict ? 'ok' : 'MISSED',
      m.note ?? '',
    ];
  });
  const header = ['measurement', 'result', 'target', '', 'note'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd();
  console.log();
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of rows) console.log(line(row));
  console.log();

  const file = path.resolve('bench/results/latest.json');
  // a partial run (--only) replaces its own figures and keeps the others, each with its date
  const date = new Date().toISOString();
  let earlier: Array<{ name: string }> = [];
  try {
    earlier = (JSON.parse(fs.readFileSync(file, 'utf8')) as { results?: Array<{ name: string }> }).results ?? [];
  } catch {
    // first run
  }
  const fresh = measurements.map((m) => ({ ...m, pass: passes(m), date }));
  const out = {
    date,
    machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, memoryGiB: Math.round(os.totalmem() / 2 ** 30), node: process.version },
    context,
    results: [...earlier.filter((e) => !fresh.some((f) => f.name === e.name)), ...fresh],
  };
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${JSON.stringify(out, null, 2)}\n`);
  console.log(`Written to ${path.relative(process.cwd(), file)}`);
}

function formatNumber(value: number): string {
  return value >= 100 ? Math.round(value).toLocaleString('en') : value.toFixed(value >= 10 ? 1 : 2);
}
