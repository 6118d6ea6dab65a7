import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { connectPrinter, DEFAULT_TIMEOUTS } from '../../../../electron/printing/transport/printer-connection';
import { TransportError } from '../../../../electron/printing/transport/errors';
import { escPosState, probeEscPos } from '../../../../electron/printing/status/escpos-status';
import { asbLength, starState } from '../../../../electron/printing/status/star-status';

const timeouts = { ...DEFAULT_TIMEOUTS, statusMs: 300, stallMs: 300, closeMs: 300 };

/** A raw TCP server on 127.0.0.1 that does what each test says with each connection. */
async function server(onConnection: (socket: net.Socket) => void): Promise<{ port: number; close(): Promise<void> }> {
  const sockets = new Set<net.Socket>();
  const srv = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => {});
    onConnection(socket);
  });
  await new Promise<void>((resolve) => srv.listen(0, '127.0.0.1', resolve));
  return {
    port: (srv.address() as net.AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        srv.close(() => resolve());
      }),
  };
}

describe('printer transport on a real socket', () => {
  let srv: Awaited<ReturnType<typeof server>> | null = null;
  afterEach(async () => {
    await srv?.close();
    srv = null;
  });

  it('a refused connection is a reason a person reads, naming the printer and port', async () => {
    srv = await server(() => {});
    const port = srv.port;
    await srv.close();
    srv = null;
    const error = await connectPrinter('127.0.0.1', port, timeouts).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TransportError);
    expect((error as TransportError).phase).toBe('connect');
    expect((error as TransportError).reason).toEqual({ key: 'printing.refused', params: { host: '127.0.0.1', port } });
  });

  it('status replies are found by their pattern: a stale byte sent before the question is ignored', async () => {
    srv = await server((socket) => {
      socket.write(Buffer.from([0x00, 0x7f])); // leftovers of an earlier conversation
      socket.on('data', (data) => {
        // DLE EOT 1 → online; 2 → cover open; 4 → paper fine
        for (let i = 0; i + 2 < data.length; i++) {
          if (data[i] === 0x10 && data[i + 1] === 0x04) socket.write(Buffer.from([data[i + 2] === 2 ? 0x16 : 0x12]));
        }
      });
    });
    const conn = await connectPrinter('127.0.0.1', srv.port, timeouts);
    await new Promise((r) => setTimeout(r, 50));
    expect(await probeEscPos(conn, timeouts.statusMs)).toBe('coverOpen');
    expect(await conn.close()).toBe('clean');
  });

  it('a printer that never answers status is "unknown", not an error', async () => {
    srv = await server((socket) => socket.resume());
    const conn = await connectPrinter('127.0.0.1', srv.port, timeouts);
    expect(await probeEscPos(conn, timeouts.statusMs)).toBe('unknown');
    conn.destroy();
  });

  it('writes with back-pressure: a printer that stops reading stalls the write, which fails as "stalled" without buffering it all', async () => {
    srv = await server((socket) => socket.pause());
    const conn = await connectPrinter('127.0.0.1', srv.port, timeouts);
    const payload = new Uint8Array(64 * 1024 * 1024);
    let handed = 0;
    const error = await conn.write(payload, (bytes) => (handed = bytes)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TransportError);
    expect((error as TransportError).reason.key).toBe('printing.stalled');
    // what left our hands is what the socket took, far less than the whole job
    expect(handed).toBeLessThan(payload.length / 4);
    conn.destroy();
  });

  it('a connection reset mid-write is "dropped"', async () => {
    srv = await server((socket) => socket.once('data', () => socket.resetAndDestroy()));
    const conn = await connectPrinter('127.0.0.1', srv.port, timeouts);
    const error = await (async () => {
      for (let i = 0; i < 200; i++) await conn.write(new Uint8Array(256 * 1024));
    })().catch((e: unknown) => e);
    expect((error as TransportError).reason).toEqual({ key: 'printing.dropped', params: {} });
  });

  it('reads DLE EOT and Star ASB bits as the references give them', () => {
    expect(escPosState(0x12, 0x12, 0x12)).toBe('ready');
    expect(escPosState(0x1a, 0x32, 0x7e)).toBe('paperEnd');
    expect(escPosState(0x1a, 0x16, 0x12)).toBe('coverOpen');
    expect(escPosState(0x12, 0x12, 0x1e)).toBe('paperNearEnd');
    expect(escPosState(0x1a, 0x12, 0x12)).toBe('offline');
    expect(escPosState(0x12, 0x52, 0x12)).toBe('error');
    expect(asbLength(0x23)).toBe(9);
    expect(starState(Uint8Array.of(0x23, 0x86, 0x00, 0x00, 0x00, 0x00, 0, 0, 0))).toBe('ready');
    expect(starState(Uint8Array.of(0x23, 0x86, 0x28, 0x00, 0x00, 0x00, 0, 0, 0))).toBe('coverOpen');
    expect(starState(Uint8Array.of(0x23, 0x86, 0x08, 0x00, 0x00, 0x08, 0, 0, 0))).toBe('paperEnd');
  });
});
