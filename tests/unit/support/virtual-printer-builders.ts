/**
 * Byte builders for the virtual printer's tests, written from the command references (Epson ESC/POS, Star Line /
 * StarPRNT), not from the app's encoder, plus a small raw TCP client and a PNG reader.
 */
import net from 'node:net';
import sharp from 'sharp';

export const ESC = 0x1b;
export const GS = 0x1d;
export const DLE = 0x10;
export const LF = 0x0a;

const le16 = (n: number) => [n & 0xff, (n >> 8) & 0xff];

export const escPos = {
  init: () => Buffer.from([ESC, 0x40]),
  align: (n: 0 | 1 | 2) => Buffer.from([ESC, 0x61, n]),
  text: (s: string) => Buffer.from(s, 'latin1'),
  lf: () => Buffer.from([LF]),
  cut: () => Buffer.from([GS, 0x56, 0x00]),
  cutFeed: (n: number) => Buffer.from([GS, 0x56, 66, n]),
  /** GS v 0: rows packed MSB first, 1 = black. */
  raster: (xBytes: number, rows: number, data: Uint8Array) => Buffer.concat([Buffer.from([GS, 0x76, 0x30, 0x00, ...le16(xBytes), ...le16(rows)]), data]),
  /** ESC * 33: one 24-dot band, 3 bytes per column. */
  column24: (columns: number, data: Uint8Array) => Buffer.concat([Buffer.from([ESC, 0x2a, 33, ...le16(columns)]), data]),
  lineSpacing: (n: number) => Buffer.from([ESC, 0x33, n]),
  qr: (data: string, moduleDots = 6, level = 0x31) => {
    const bytes = Buffer.from(data, 'latin1');
    return Buffer.concat([
      Buffer.from([GS, 0x28, 0x6b, 0x04, 0x00, 0x31, 0x41, 0x32, 0x00]),
      Buffer.from([GS, 0x28, 0x6b, 0x03, 0x00, 0x31, 0x43, moduleDots]),
      Buffer.from([GS, 0x28, 0x6b, 0x03, 0x00, 0x31, 0x45, level]),
      Buffer.from([GS, 0x28, 0x6b, ...le16(bytes.length + 3), 0x31, 0x50, 0x30]),
      bytes,
      Buffer.from([GS, 0x28, 0x6b, 0x03, 0x00, 0x31, 0x51, 0x30]),
    ]);
  },
  /** GS k 73 with the code set selector already in `data` (e.g. "{BABC-123"). */
  code128: (data: Buffer | string, moduleDots = 2, height = 80) => {
    const bytes = typeof data === 'string' ? Buffer.from(data, 'latin1') : data;
    return Buffer.concat([Buffer.from([GS, 0x68, height, GS, 0x77, moduleDots, GS, 0x48, 0x00, GS, 0x6b, 73, bytes.length]), bytes]);
  },
  dleEot: (n: number) => Buffer.from([DLE, 0x04, n]),
  gsR1: () => Buffer.from([GS, 0x72, 0x01]),
  gsH: (id: string) => Buffer.from([GS, 0x28, 0x48, 0x06, 0x00, 0x30, 0x30, ...Buffer.from(id, 'latin1')]),
};

export const star = {
  init: () => Buffer.from([ESC, 0x40]),
  /** ESC GS S 1 xL xH yL yH 0 d: StarPRNT raster. */
  raster: (xBytes: number, rows: number, data: Uint8Array) => Buffer.concat([Buffer.from([ESC, GS, 0x53, 0x01, ...le16(xBytes), ...le16(rows), 0x00]), data]),
  /** ESC X nL nH d: Star Line 24-dot column band, then LF. */
  column24: (columns: number, data: Uint8Array) => Buffer.concat([Buffer.from([ESC, 0x58, ...le16(columns)]), data]),
  qr: (data: string, cell = 6) => {
    const bytes = Buffer.from(data, 'latin1');
    return Buffer.concat([
      Buffer.from([ESC, GS, 0x79, 0x53, 0x30, 0x02]),
      Buffer.from([ESC, GS, 0x79, 0x53, 0x31, 0x01]),
      Buffer.from([ESC, GS, 0x79, 0x53, 0x32, cell]),
      Buffer.from([ESC, GS, 0x79, 0x44, 0x31, 0x00, ...le16(bytes.length)]),
      bytes,
      Buffer.from([ESC, GS, 0x79, 0x50]),
    ]);
  },
  code128: (data: string, height = 80) => Buffer.concat([Buffer.from([ESC, 0x62, 0x06, 0x01, 0x01, height]), Buffer.from(data, 'latin1'), Buffer.from([0x1e])]),
  cut: () => Buffer.from([ESC, 0x64, 0x00]),
  asbRequest: () => Buffer.from([ESC, 0x06, 0x01]),
  etb: () => Buffer.from([0x17]),
};

/** A packed pattern: dot (x, y) is black when `black(x, y)`. */
export function packRows(widthDots: number, rows: number, black: (x: number, y: number) => boolean): Uint8Array {
  const xBytes = widthDots / 8;
  const data = new Uint8Array(xBytes * rows);
  for (let y = 0; y < rows; y++) for (let x = 0; x < widthDots; x++) if (black(x, y)) data[y * xBytes + (x >> 3)]! |= 0x80 >> (x & 7);
  return data;
}

export interface PngDots {
  width: number;
  height: number;
  black(x: number, y: number): boolean;
}

export async function readPng(png: Buffer): Promise<PngDots> {
  const { data, info } = await sharp(png).greyscale().raw().toBuffer({ resolveWithObject: true });
  return { width: info.width, height: info.height, black: (x, y) => data[y * info.width + x]! < 128 };
}

export function connect(port: number): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    socket.once('connect', () => resolve(socket));
    socket.once('error', reject);
  });
}

/** Sends `bytes` (in `chunk`-byte writes with a pause between, when given), ends with FIN, returns what came back. */
export async function sendJob(port: number, bytes: Buffer, chunk?: number): Promise<Buffer> {
  const socket = await connect(port);
  socket.setNoDelay(true);
  const replies: Buffer[] = [];
  socket.on('data', (d: Buffer) => replies.push(d));
  const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
  if (!chunk) socket.write(bytes);
  else {
    for (let i = 0; i < bytes.length; i += chunk) {
      socket.write(bytes.subarray(i, i + chunk));
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
  }
  socket.end();
  await closed;
  return Buffer.concat(replies);
}

/** Waits for at least `count` reply bytes on `socket`; bytes that came while nobody read wait in the socket. */
export function readBytes(socket: net.Socket, count: number, timeoutMs = 2000): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const got: Buffer[] = [];
    let length = 0;
    const onData = (d: Buffer) => {
      got.push(d);
      length += d.length;
      if (length >= count) {
        cleanup();
        resolve(Buffer.concat(got));
      }
    };
    const timer = setTimeout(() => {
      cleanup();
      reject(new Error(`got ${length} of ${count} reply bytes`));
    }, timeoutMs);
    const cleanup = () => {
      clearTimeout(timer);
      socket.off('data', onData);
      socket.pause();
    };
    socket.on('data', onData);
    socket.resume();
  });
}

/** Writes 64 KB blocks (NUL bytes: they print nothing) until a 'drain' does not come within 300 ms. */
export async function fillUntilStuck(socket: net.Socket, maxBytes = 32 * 1024 * 1024): Promise<boolean> {
  const block = Buffer.alloc(64 * 1024);
  for (let written = 0; written < maxBytes; written += block.length) {
    if (socket.write(block)) continue;
    const drained = await new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => resolve(false), 300);
      socket.once('drain', () => {
        clearTimeout(timer);
        resolve(true);
      });
    });
    if (!drained) return true;
  }
  return false;
}
