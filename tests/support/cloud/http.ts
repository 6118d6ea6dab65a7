import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** HTTP plumbing of the reference cloud: JSON bodies, `{ error: { code, message } }` replies, loopback only. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

/** Thrown by a handler that wants the connection destroyed without an answer (a dropped reply, a cut push). */
export class DropConnection extends Error {}

export const MAX_BODY_BYTES = 16 * 1024 * 1024;

export async function readJson(req: http.IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new HttpError(413, 'tooLarge', `body over ${MAX_BODY_BYTES} bytes`);
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (!text) return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new HttpError(400, 'badJson', 'the body is not JSON');
  }
}

export function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  sendRawJson(res, status, JSON.stringify(body));
}

export function sendRawJson(res: http.ServerResponse, status: number, data: string): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(data), date: new Date().toUTCString() });
  res.end(data);
}

export function sendError(res: http.ServerResponse, error: HttpError): void {
  sendJson(res, error.status, { error: { code: error.code, message: error.message }, ...error.extra });
}

export type Handler = (req: http.IncomingMessage, res: http.ServerResponse, abort: AbortSignal) => Promise<void>;

export interface Listening {
  server: http.Server;
  port: number;
  /** Requests being handled now (a restart waits for them after cutting their connections). */
  inFlight: Set<Promise<void>>;
}

export async function listen(port: number, handler: Handler, onUnexpected: (error: unknown) => void): Promise<Listening> {
  const inFlight = new Set<Promise<void>>();
  const server = http.createServer((req, res) => {
    const controller = new AbortController();
    res.on('close', () => {
      if (!res.writableFinished) controller.abort();
    });
    const work = handler(req, res, controller.signal).catch((error: unknown) => {
      if (error instanceof DropConnection || controller.signal.aborted) {
        req.socket.destroy();
        return;
      }
      if (error instanceof HttpError) return sendError(res, error);
      onUnexpected(error);
      if (!res.headersSent) sendError(res, new HttpError(500, 'internal', error instanceof Error ? error.message : String(error)));
      else res.destroy();
    });
    inFlight.add(work);
    void work.finally(() => inFlight.delete(work));
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  return { server, port: (server.address() as AddressInfo).port, inFlight };
}

/** Stops listening, cuts every open connection (a push in flight loses its reply) and waits for the handlers. */
export async function shutdown(listening: Listening): Promise<void> {
  const closed = new Promise<void>((resolve) => listening.server.close(() => resolve()));
  listening.server.closeAllConnections();
  await Promise.allSettled([...listening.inFlight]);
  await closed;
}
