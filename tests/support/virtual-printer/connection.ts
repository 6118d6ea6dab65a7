import type { Socket } from 'node:net';
import { newParseContext, type ParseContext } from './context';
import { JobState } from './job';
import { isStatusOnly, parseStep } from './parser';
import { RealtimeScanner } from './realtime';
import type { PrinterState } from './status';
import type { VirtualFault } from './types';

/** What a connection needs from its printer. */
export interface ConnectionHost {
  state: PrinterState;
  dots: number;
  fault(): { fault: VirtualFault; stallAfterBytes: number; dropAfterBytes: number };
  /** The bytes of a job after which the roll runs out, once (null: it never does on its own). */
  paperRunsOutAfter(): number | null;
  /** The roll ran out mid-job. */
  runOutOfPaper(): void;
  /** The connection is over and all it sent has run. */
  finished(connection: Connection): void;
}

/** Bytes held while offline before the printer stops reading (its receive buffer; an Epson UB-E02 has 16 KB). */
export const HOLD_LIMIT = 16 * 1024;

/**
 * One TCP connection = one job. Bytes are counted against the fault limits, real-time requests answered on
 * arrival, and commands parsed as soon as they are complete; while the printer is offline (paper out, cover open)
 * parsing stops before the next command and resumes when it is online again.
 */
export class Connection {
  readonly job: JobState;
  readonly ctx: ParseContext;
  bytes = 0;
  printData = false;
  sawEnd = false;
  closed = false;
  dropped = false;
  private stalled = false;
  private holdPaused = false;
  private unread: Buffer | null = null;
  private leftover = Buffer.alloc(0);
  private chunks: Buffer[] = [];
  private pending = 0;
  private need = 1;
  private done = false;
  private readonly scanner = new RealtimeScanner();

  constructor(
    readonly socket: Socket,
    private readonly host: ConnectionHost,
  ) {
    this.job = new JobState(host.dots);
    this.ctx = newParseContext(this.job, host.state, (bytes) => this.reply(bytes));
    socket.on('data', (chunk: Buffer) => this.receive(chunk));
    socket.on('end', () => {
      this.sawEnd = true;
      this.pump();
    });
    socket.on('error', () => undefined);
    socket.on('close', () => {
      this.closed = true;
      this.pump();
    });
  }

  private reply(bytes: ArrayLike<number>): void {
    if (!this.socket.destroyed && this.socket.writable) this.socket.write(Buffer.from(Array.from(bytes)));
  }

  private receive(chunk: Buffer): void {
    if (this.dropped || this.stalled) {
      this.unread = this.unread ? Buffer.concat([this.unread, chunk]) : chunk;
      return;
    }
    const { fault, stallAfterBytes, dropAfterBytes } = this.host.fault();
    let take = chunk;
    if (fault === 'stall' && this.bytes + chunk.length > stallAfterBytes) {
      take = chunk.subarray(0, Math.max(0, stallAfterBytes - this.bytes));
      this.unread = chunk.subarray(take.length);
      this.stall();
    }
    const runsOut = this.host.paperRunsOutAfter();
    if (runsOut !== null && this.bytes <= runsOut && this.bytes + take.length > runsOut) {
      // the roll ends inside this chunk: what came before it runs, the rest waits for paper like on a real printer
      const before = take.subarray(0, runsOut - this.bytes);
      this.accept(before);
      this.host.runOutOfPaper();
      take = take.subarray(before.length);
    }
    const drop = fault === 'drop' && this.bytes + take.length >= dropAfterBytes;
    if (drop) take = take.subarray(0, Math.max(0, dropAfterBytes - this.bytes));
    this.accept(take);
    if (drop) this.drop();
  }

  private accept(chunk: Buffer): void {
    if (chunk.length === 0) return;
    this.bytes += chunk.length;
    const requests = this.scanner.scan(chunk);
    for (const request of requests) if (request.kind === 'dle-eot') this.realtime(request.n);
    this.chunks.push(chunk);
    this.pending += chunk.length;
    this.pump();
    // the Star ASB answers after what came before it has run, so its ETB counter counts the ETBs sent with it
    for (const request of requests) if (request.kind === 'star-asb') this.realtime(null);
  }

  private realtime(dleEotN: number | null): void {
    const { job, state } = this;
    if (dleEotN !== null) {
      if (job.language === 'star') return;
      // 10 04 n with n outside 1–4 (often met inside image data) is no request: no answer, as on a real printer
      const answer = state.dleEot(dleEotN);
      if (answer === null) return;
      job.statusQueries++;
      this.reply([answer]);
      return;
    }
    if (job.language === 'esc-pos') return;
    job.statusQueries++;
    this.reply(state.starAsb(job.language === 'star' ? 4 : 3, job.etbCount));
  }

  private get state(): PrinterState {
    return this.host.state;
  }

  private stall(): void {
    this.stalled = true;
    this.socket.pause();
  }

  private drop(): void {
    this.dropped = true;
    this.socket.resetAndDestroy();
  }

  /** The fault may have changed: stall or drop now if past the limit, or read again when the fault is gone. */
  applyFault(): void {
    if (this.dropped || this.closed) return;
    const { fault, stallAfterBytes, dropAfterBytes } = this.host.fault();
    if (fault === 'stall' && !this.stalled && this.bytes >= stallAfterBytes) this.stall();
    else if (fault === 'drop' && this.bytes >= dropAfterBytes) this.drop();
    else if (fault !== 'stall' && this.stalled) {
      this.stalled = false;
      const unread = this.unread;
      this.unread = null;
      if (unread) this.receive(unread);
      if (!this.stalled && !this.holdPaused) this.socket.resume();
    }
  }

  /** Runs every complete command unless offline; finishes the job once the connection is over and all has run. */
  pump(): void {
    if (this.done) return;
    // offline: only a DLE command (real-time) at the head of the queue may still run
    if (this.pending >= this.need && (!this.state.offline || this.headByte() === 0x10)) this.run();
    if (this.state.offline && this.pending > 0) {
      if (this.pending > HOLD_LIMIT && !this.holdPaused && !this.closed) {
        this.holdPaused = true;
        this.socket.pause();
      }
      return;
    }
    if (this.holdPaused) {
      this.holdPaused = false;
      if (!this.stalled) this.socket.resume();
    }
    // a stalled printer has not read the end yet: the FIN waits behind the unread bytes
    if (this.sawEnd && !this.stalled && !this.closed && !this.socket.writableEnded) this.socket.end();
    if (this.closed || this.dropped) this.finish();
  }

  private headByte(): number | undefined {
    return this.leftover.length > 0 ? this.leftover[0] : this.chunks[0]?.[0];
  }

  private run(): void {
    const buf = this.chunks.length === 0 ? this.leftover : Buffer.concat([this.leftover, ...this.chunks]);
    this.chunks = [];
    let at = 0;
    this.need = 1;
    // offline: only DLE commands (real-time) still run; printing stops before the next command
    while (at < buf.length && !(this.state.offline && buf[at] !== 0x10)) {
      let step: number;
      try {
        step = parseStep(buf, at, this.ctx);
      } catch (error) {
        // a command whose data the printer cannot make sense of (a QR too big for any version, a barcode it cannot
        // encode…): a real printer prints nothing for it; so does this one, and goes on with the next byte
        this.job.note(`could not print a command at byte ${at}: ${error instanceof Error ? error.message : String(error)}`);
        step = 1;
      }
      if (step < 0) {
        this.need = -step;
        break;
      }
      if (!this.printData && !isStatusOnly(buf, at)) this.printData = true;
      at += step;
    }
    this.leftover = Buffer.from(buf.subarray(at));
    this.pending = this.leftover.length;
  }

  private finish(): void {
    this.done = true;
    if (this.pending > 0) this.printData = true;
    if (this.pending > 0) this.job.note(`the connection ended inside a command (${this.pending} bytes never completed it)`);
    this.host.finished(this);
  }

  destroy(): void {
    this.done = true;
    this.socket.destroy();
  }
}
