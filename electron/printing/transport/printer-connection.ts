import net from 'node:net';
import { connectFailure, TransportError } from './errors';

export interface TransportTimeouts {
  /** Our own connect timeout (the OS's is about 40 s for a host that never answers). */
  connectMs: number;
  /** How long to wait for a status reply before calling the status unknown. */
  statusMs: number;
  /** The printer stopped reading: no room in the socket ('drain') for this long. */
  stallMs: number;
  /** How long a printer that answers status has to confirm a coupon (GS r 1). */
  confirmMs: number;
  /** How long the printer has to close its side after ours. */
  closeMs: number;
}

export const DEFAULT_TIMEOUTS: TransportTimeouts = { connectMs: 5000, statusMs: 1500, stallMs: 15_000, confirmMs: 60_000, closeMs: 5000 };

/** Bytes written at a time: the socket's back-pressure decides when the next goes. */
const CHUNK = 16 * 1024;

/**
 * One short TCP connection to a receipt printer. Inbound bytes are kept until read, so replies are found by
 * their pattern rather than taken as "the next byte" (a late answer to an earlier question never misleads).
 */
export interface PrinterConnection {
  /** Forgets the bytes the printer sent that nobody read (stale replies). */
  drainInbound(): void;
  /** Sends `bytes` and waits for a reply byte that `accept`s (then `extra` more bytes), or null after `timeoutMs`. */
  ask(bytes: Uint8Array, accept: (byte: number) => boolean, timeoutMs: number, extra?: (first: number) => number): Promise<Uint8Array | null>;
  /** Writes with back-pressure; `sent` reports the bytes handed to the socket. Throws TransportError('send'). */
  write(bytes: Uint8Array, sent?: (bytes: number) => void): Promise<void>;
  /** Ends our side and waits for the printer to close: `clean`, `error` (reset), or `timeout` (it stopped reading). */
  close(): Promise<'clean' | 'error' | 'timeout'>;
  destroy(): void;
}

export function connectPrinter(host: string, port: number, timeouts: TransportTimeouts): Promise<PrinterConnection> {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host, port });
    socket.setNoDelay(true);
    const timer = setTimeout(() => {
      socket.destroy();
      reject(connectFailure(null, host, port, timeouts.connectMs));
    }, timeouts.connectMs);
    socket.once('error', (error) => {
      clearTimeout(timer);
      socket.destroy();
      reject(connectFailure(error as NodeJS.ErrnoException, host, port, timeouts.connectMs));
    });
    socket.once('connect', () => {
      clearTimeout(timer);
      socket.removeAllListeners('error');
      resolve(wrap(socket, timeouts));
    });
  });
}

const dropped = () => new TransportError('send', { key: 'printing.dropped', params: {} });

function wrap(socket: net.Socket, timeouts: TransportTimeouts): PrinterConnection {
  let inbound: number[] = [];
  let failure: Error | null = null;
  let closed = false;
  const listeners = new Set<() => void>();
  const notify = () => listeners.forEach((l) => l());
  socket.on('data', (chunk: Buffer) => {
    for (const b of chunk) inbound.push(b);
    if (inbound.length > 4096) inbound = inbound.slice(-4096);
    notify();
  });
  socket.on('error', (error) => {
    failure = error;
    notify();
  });
  socket.on('close', () => {
    closed = true;
    notify();
  });

  /** Resolves when `check` answers (re-checked on every socket event), or with `onTimeout` after `ms`. */
  function until<T>(check: () => T | undefined, ms: number, onTimeout: () => T): Promise<T> {
    return new Promise((resolve) => {
      const done = (value: T) => {
        clearTimeout(timer);
        listeners.delete(listener);
        resolve(value);
      };
      const listener = () => {
        const value = check();
        if (value !== undefined) done(value);
      };
      const timer = setTimeout(() => done(onTimeout()), ms);
      listeners.add(listener);
      listener();
    });
  }

  return {
    drainInbound: () => {
      inbound = [];
    },
    ask: async (bytes, accept, timeoutMs, extra) => {
      if (failure || closed) throw dropped();
      socket.write(bytes);
      const reply = await until<Uint8Array | null | Error>(
        () => {
          if (failure || closed) return dropped();
          const at = inbound.findIndex(accept);
          if (at < 0) return undefined;
          const length = 1 + (extra ? extra(inbound[at]!) : 0);
          if (inbound.length - at < length) return undefined;
          const answer = Uint8Array.from(inbound.slice(at, at + length));
          inbound = inbound.slice(at + length);
          return answer;
        },
        timeoutMs,
        () => null,
      );
      if (reply instanceof Error) throw reply;
      return reply;
    },
    write: async (bytes, sent) => {
      for (let at = 0; at < bytes.length; at += CHUNK) {
        if (failure || closed) throw dropped();
        const chunk = bytes.subarray(at, Math.min(bytes.length, at + CHUNK));
        const flushed = new Promise<void>((resolve) => socket.write(chunk, () => resolve()));
        if (socket.writableNeedDrain) {
          // the printer is not reading: wait for room, but not forever
          const outcome = await new Promise<'drain' | 'stall' | 'gone'>((resolve) => {
            const onDrain = () => finish('drain');
            const onGone = () => finish('gone');
            const timer = setTimeout(() => finish('stall'), timeouts.stallMs);
            function finish(value: 'drain' | 'stall' | 'gone') {
              clearTimeout(timer);
              socket.off('drain', onDrain);
              socket.off('close', onGone);
              socket.off('error', onGone);
              resolve(value);
            }
            socket.once('drain', onDrain);
            socket.once('close', onGone);
            socket.once('error', onGone);
          });
          if (outcome === 'stall') {
            throw new TransportError('send', { key: 'printing.stalled', params: { seconds: Math.round(timeouts.stallMs / 1000) } });
          }
          if (outcome === 'gone') throw dropped();
        }
        sent?.(at + chunk.length);
        if (at + CHUNK >= bytes.length) {
          if (failure || closed) throw dropped();
          // the last chunk is in the socket's hands once flushed (or the socket fails)
          const outcome = await Promise.race([
            flushed.then(() => 'flushed' as const),
            until<'gone'>(() => (failure || closed ? 'gone' : undefined), timeouts.stallMs, () => 'gone'),
          ]);
          if (outcome === 'gone') {
            throw failure || closed ? dropped() : new TransportError('send', { key: 'printing.stalled', params: { seconds: Math.round(timeouts.stallMs / 1000) } });
          }
        }
      }
    },
    close: async () => {
      const outcome = () => (failure ? 'error' : 'clean');
      if (closed) return outcome();
      socket.end();
      const result = await until<'clean' | 'error' | 'timeout'>(() => (closed ? outcome() : undefined), timeouts.closeMs, () => 'timeout');
      if (!closed) socket.destroy();
      return result;
    },
    destroy: () => {
      socket.destroy();
    },
  };
}
