import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { Connection, type ConnectionHost } from './connection';
import { renderPage } from './render';
import { PrinterState } from './status';
import type { PaperState, PrintedJob, VirtualFault, VirtualPrinter, VirtualPrinterOptions } from './types';

export const DEFAULT_STALL_AFTER = 2048;
export const DEFAULT_DROP_AFTER = 8192;

/**
 * A receipt printer on 127.0.0.1: each connection is a job, printed to PNG pages (one per cut). Faults: 'refuse'
 * closes the port (setFault(null) listens again on the same port), 'stall' stops reading after stallAfterBytes,
 * 'drop' resets the connection after dropAfterBytes, 'paper-out' = setPaper('out').
 */
export async function startVirtualPrinter(options: VirtualPrinterOptions = {}): Promise<VirtualPrinter> {
  const paper = options.paper ?? 80;
  const dots = options.dots ?? (paper === 58 ? 384 : 576);
  const state = new PrinterState();
  const connections = new Set<Connection>();
  const jobs: PrintedJob[] = [];
  const waiters = new Set<() => void>();
  let fault: VirtualFault = null;
  let closing = false;
  let recording: Promise<void> = Promise.resolve();
  let jobCount = 0;
  let ranOut = false;
  if (options.outDir) fs.mkdirSync(options.outDir, { recursive: true });

  const host: ConnectionHost = {
    state,
    dots,
    fault: () => ({ fault, stallAfterBytes: options.stallAfterBytes ?? DEFAULT_STALL_AFTER, dropAfterBytes: options.dropAfterBytes ?? DEFAULT_DROP_AFTER }),
    paperRunsOutAfter: () => (ranOut ? null : (options.paperRunsOutAfterBytes ?? null)),
    runOutOfPaper() {
      ranOut = true;
      setPaper('out');
    },
    finished(connection) {
      connections.delete(connection);
      if (closing || !connection.printData) return;
      const index = ++jobCount;
      recording = recording.then(() => record(connection, index)).catch((error: unknown) => {
        console.error('virtual printer: could not record a job', error);
      });
    },
  };

  async function record(connection: Connection, index: number): Promise<void> {
    const { job } = connection;
    const finished = job.finish();
    const pages = [];
    for (const [i, page] of finished.pages.entries()) {
      await new Promise((resolve) => setImmediate(resolve)); // let sockets be served between pages
      const { png, width, height } = renderPage(page, paper);
      let file: string | null = null;
      if (options.outDir) {
        file = path.join(options.outDir, `job-${String(index).padStart(4, '0')}-page-${i + 1}.png`);
        await fs.promises.writeFile(file, png);
      }
      pages.push({ png, file, width, height });
    }
    const printed: PrintedJob = {
      index,
      bytes: connection.bytes,
      pages,
      qr: job.qr,
      barcodes: job.barcodes,
      text: finished.text,
      cuts: job.cuts,
      statusQueries: job.statusQueries,
      rasterRows: job.rasterRows,
      unknownCommands: job.unknownCommands,
      complete: connection.sawEnd && !connection.dropped,
      overflowDots: finished.overflowDots,
      notes: job.notes,
      codePages: job.codePages,
      language: job.language,
    };
    jobs.push(printed);
    options.onJob?.(printed);
    for (const wake of [...waiters]) wake();
  }

  let server: net.Server | null = null;
  let port = options.port ?? 0;

  function listen(): Promise<void> {
    const next = net.createServer({ allowHalfOpen: true }, (socket) => {
      const connection = new Connection(socket, host);
      connections.add(connection);
      connection.applyFault();
    });
    return new Promise((resolve, reject) => {
      next.once('error', reject);
      next.listen(port, '127.0.0.1', () => {
        next.off('error', reject);
        port = (next.address() as net.AddressInfo).port;
        server = next;
        resolve();
      });
    });
  }

  function unlisten(): Promise<void> {
    const current = server;
    server = null;
    return new Promise((resolve) => (current ? current.close(() => resolve()) : resolve()));
  }

  /** Paper or cover changed: tell ASB subscribers, and let held data print if the printer is online again. */
  function stateChanged(): void {
    for (const connection of connections) {
      if (connection.ctx.asbEnabled && !connection.socket.destroyed) connection.socket.write(state.escPosAsb());
      connection.pump();
    }
  }

  async function setFault(next: VirtualFault): Promise<void> {
    const previous = fault;
    fault = next;
    if (next === 'refuse' && server) await unlisten();
    if (next !== 'refuse' && !server && !closing) await listen();
    if (next === 'paper-out') setPaper('out');
    else if (previous === 'paper-out' && state.paper === 'out') setPaper('ok');
    for (const connection of connections) connection.applyFault();
  }

  function setPaper(paperState: PaperState): void {
    state.paper = paperState;
    stateChanged();
  }

  await listen();
  if (options.fault) await setFault(options.fault);

  return {
    get port() {
      return port;
    },
    host: '127.0.0.1',
    jobs,
    setFault,
    setPaper,
    setCoverOpen(open: boolean) {
      state.coverOpen = open;
      stateChanged();
    },
    waitForJobs(count: number, timeoutMs = 10_000): Promise<PrintedJob[]> {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (jobs.length < count) return;
          clearTimeout(timer);
          waiters.delete(check);
          resolve(jobs.slice(0, count));
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`virtual printer: ${jobs.length} of ${count} jobs printed within ${timeoutMs} ms`));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    async close() {
      closing = true;
      for (const connection of connections) connection.destroy();
      connections.clear();
      await unlisten();
      await recording;
    },
  };
}
