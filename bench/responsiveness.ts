import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { createRandom } from '../electron/demo/prng';
import { startWebHost, type RunningHost } from '../tests/support/start-web-host';
import type { Measurement } from './lib/report';
import { percentile } from './lib/stats';

/**
 * An import file of `rows` new cards in five scripts (the import benchmark's shape). `compact` leaves out e-mails and
 * writes plain dates, so 300,000 rows fit the 30 MB a file may have.
 */
export function importCsvOf(rows: number, { firstId = 90_000_000, seed = 99, compact = false } = {}): string {
  const random = createRandom(seed);
  const lines = ['card_id,name,email,phone,template_id,template_version,stamps,goal,platforms,created_at,last_stamp_at'];
  const names = ['Olivia Smith', 'สมชาย ศรีสุข', '김민준', 'علی رضایی', 'અમિત પટેલ'];
  for (let i = 0; i < rows; i++) {
    const stamps = random.int(0, 8);
    lines.push(
      [
        firstId + i, `"${random.pick(names)} ${i}"`, compact ? '' : `import${i}@example.com`, `+66 81 ${String(i).padStart(7, '0')}`,
        1024, 3, stamps, 8, random.pick(['web', 'apple', 'google', 'apple|google']), compact ? '2026-01-15' : '2026-01-15T10:00:00Z',
        stamps && !compact ? '2026-11-01 12:30' : '',
      ].join(','),
    );
  }
  return lines.join('\r\n');
}

/** One call on a fresh connection (a kept-alive one can be closed by the host just as a request goes out). */
function rpc(host: RunningHost, method: string, input: unknown): Promise<{ ok: boolean; value?: unknown; error?: unknown }> {
  const body = Buffer.from(JSON.stringify(input));
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port: host.port,
        method: 'POST',
        path: `/rpc/${method}`,
        agent: false,
        headers: { Authorization: `Bearer ${host.token}`, 'Content-Type': 'application/json', 'Content-Length': body.length },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve(JSON.parse(Buffer.concat(chunks).toString('utf8'))));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/**
 * The browser host (its own process) imports `rows` CSV rows into a copy of the seeded shop while this process
 * asks it `app.info` every 50 ms: the longest answer is how long the app stood still. Also times a 10,000-voucher
 * batch the same way.
 */
export async function benchResponsiveness(dataDir: string, rows = 300_000): Promise<Measurement[]> {
  const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'stampdesk-bench-busy-'));
  fs.copyFileSync(path.join(dataDir, 'stampdesk.db'), path.join(copy, 'stampdesk.db'));
  const host = await startWebHost({ dataDir: copy });
  try {
    const csv = importCsvOf(rows, { compact: true });
    const during = async (work: () => Promise<unknown>) => {
      const answers: number[] = [];
      let running = true;
      const poll = (async () => {
        while (running) {
          const started = performance.now();
          await rpc(host, 'app.info', {});
          answers.push(performance.now() - started);
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
      })();
      const started = performance.now();
      const result = await work();
      const seconds = (performance.now() - started) / 1000;
      running = false;
      await poll;
      return { answers, seconds, result };
    };
    const imported = await during(() => rpc(host, 'cards.importCsv', { csv, dryRun: false }));
    const importOk = (imported.result as { ok: boolean }).ok;
    const batch = await during(() =>
      rpc(host, 'vouchers.issue', { title: 'Opening party', redeemCode: { kind: 'generated' }, validity: { kind: 'unlimited' }, quantity: 10_000 }),
    );
    const label = rows.toLocaleString('en');
    return [
      {
        name: `longest app.info answer during a ${label}-row import`,
        value: Math.max(...imported.answers),
        unit: 'ms',
        lowerIsBetter: true,
        note: `${imported.answers.length} calls, p50 ${Math.round(percentile(imported.answers, 50))} ms; import ${imported.seconds.toFixed(1)} s over HTTP${importOk ? '' : ' (FAILED)'}`,
      },
      {
        name: 'longest app.info answer during a 10,000-voucher batch',
        value: Math.max(...batch.answers),
        unit: 'ms',
        lowerIsBetter: true,
        note: `${batch.answers.length} calls; batch ${batch.seconds.toFixed(1)} s over HTTP`,
      },
    ];
  } finally {
    await host.stop();
    fs.rmSync(copy, { recursive: true, force: true });
  }
}
