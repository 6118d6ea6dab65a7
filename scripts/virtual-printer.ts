/**
 * A virtual receipt printer for trying printing without hardware:
 *   npm run virtual-printer -- --port 9100 --out DIR [--paper 58|80] [--dots N] [--fault refuse|stall|drop|paper-out]
 * Listens on 127.0.0.1, answers status requests, and writes each job's pages as PNG files. Ctrl+C stops it.
 */
import path from 'node:path';
import { startVirtualPrinter, type PrintedJob, type VirtualFault } from '../tests/support/virtual-printer';

const USAGE = 'usage: npm run virtual-printer -- [--port 9100] [--out DIR] [--paper 58|80] [--dots N] [--fault refuse|stall|drop|paper-out]';
const FAULTS = ['refuse', 'stall', 'drop', 'paper-out'];

function parseArgs(argv: string[]): Record<string, string> {
  const args: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i]!;
    if (flag === '--help' || flag === '-h') throw new Error(USAGE);
    const value = argv[i + 1];
    if (!flag.startsWith('--') || value === undefined) throw new Error(`bad argument ${flag}\n${USAGE}`);
    args[flag.slice(2)] = value;
    i++;
  }
  return args;
}

function summary(job: PrintedJob): string {
  const parts = [`job ${job.index}: ${job.bytes} bytes, ${job.pages.length} page(s), ${job.cuts} cut(s)`];
  if (job.qr.length) parts.push(`QR ${job.qr.join(', ')}`);
  if (job.barcodes.length) parts.push(`barcode ${job.barcodes.join(', ')}`);
  if (!job.complete) parts.push('connection dropped');
  if (job.unknownCommands.length) parts.push(`unknown ${[...new Set(job.unknownCommands)].join(', ')}`);
  if (job.overflowDots) parts.push(`${job.overflowDots} dots beyond the paper were cut off`);
  for (const note of job.notes) parts.push(note);
  const files = job.pages.map((p) => `  ${p.file ?? '(not saved: no --out)'}`);
  return [parts.join('; '), ...files].join('\n');
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const port = Number(args.port ?? 9100);
  const paper = Number(args.paper ?? 80);
  const dots = args.dots === undefined ? undefined : Number(args.dots);
  const fault = (args.fault ?? null) as VirtualFault;
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`bad --port\n${USAGE}`);
  if (paper !== 58 && paper !== 80) throw new Error(`--paper is 58 or 80\n${USAGE}`);
  if (dots !== undefined && (!Number.isInteger(dots) || dots < 8 || dots > 2048)) throw new Error(`bad --dots\n${USAGE}`);
  if (fault !== null && !FAULTS.includes(fault)) throw new Error(`--fault is one of ${FAULTS.join(', ')}\n${USAGE}`);
  const outDir = args.out ? path.resolve(args.out) : undefined;
  const printer = await startVirtualPrinter({ port, paper, dots, fault, outDir, onJob: (job) => console.log(summary(job)) });
  console.log(`virtual printer on ${printer.host}:${printer.port}, ${paper} mm, ${dots ?? (paper === 58 ? 384 : 576)} dots${fault ? `, fault ${fault}` : ''}`);
  console.log(outDir ? `pages go to ${outDir}` : 'no --out: pages are not saved');
  const stop = () => {
    void printer.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
