import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { apiError } from '../../shared/api/api-error';
import type { Result } from '../../shared/api/result';
import type { Core } from '../core/create-core';
import { HTTP_STATUS } from './http-status';
import { hasAllowedOrigin, hasLoopbackHost, hasValidToken } from './request-guard';
import { resolveRendererFile } from '../renderer-files';
import { securityHeaders, sendStaticFile } from './static-files';

/** Bodies up to this size are read; that leaves room for a 10 MB image in base64. */
export const MAX_BODY_BYTES = 32 * 1024 * 1024;

export interface WebHostOptions {
  core: Core;
  token: string;
  rendererDir: string;
  port: number;
}

export interface WebHost {
  server: http.Server;
  port: number;
  url: string;
  close(): Promise<void>;
}

/** The browser host: the built renderer plus `POST /rpc/<method>`, on 127.0.0.1 only. */
export async function startWebHost({ core, token, rendererDir, port }: WebHostOptions): Promise<WebHost> {
  let boundPort = port;
  const server = http.createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      console.error(error);
      if (!res.headersSent) sendResult(res, { ok: false, error: apiError('internal', 'api.serverError') });
      else res.destroy();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!hasLoopbackHost(req, boundPort)) {
      return sendResult(res, { ok: false, error: apiError('forbidden', 'api.unknownHost') });
    }
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname.startsWith('/rpc/')) return handleRpc(req, res, url.pathname.slice(5));
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { ...securityHeaders(), Allow: 'GET, HEAD' }).end();
      return;
    }
    const file = resolveRendererFile(rendererDir, url.pathname);
    if (!file) {
      res.writeHead(404, { ...securityHeaders(), 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found');
      return;
    }
    sendStaticFile(res, file, req.method);
  }

  async function handleRpc(req: IncomingMessage, res: ServerResponse, encodedMethod: string): Promise<void> {
    if (!hasAllowedOrigin(req, boundPort)) {
      return sendResult(res, { ok: false, error: apiError('forbidden', 'api.otherSite') });
    }
    if (!hasValidToken(req, token)) {
      return sendResult(res, {
        ok: false,
        error: apiError('unauthorized', 'api.badToken'),
      });
    }
    if (req.method !== 'POST') {
      return sendResult(res, { ok: false, error: apiError('invalid_input', 'api.postOnly') });
    }
    const method = decodeMethodName(encodedMethod);
    if (method === null) {
      return sendResult(res, { ok: false, error: apiError('invalid_input', 'host.badAddress') });
    }
    const body = await readBody(req);
    if (body === 'too_large') {
      return sendResult(res, {
        ok: false,
        error: apiError('payload_too_large', 'api.bodyTooLarge', { mb: MAX_BODY_BYTES / 1024 / 1024 }),
      });
    }
    let input: unknown;
    try {
      input = body.length === 0 ? undefined : JSON.parse(body);
    } catch {
      return sendResult(res, { ok: false, error: apiError('invalid_input', 'api.bodyNotJson', undefined, 'input') });
    }
    sendResult(res, await core.call(method, input));
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  boundPort = (server.address() as AddressInfo).port;
  return {
    server,
    port: boundPort,
    url: `http://127.0.0.1:${boundPort}/`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The method name of `/rpc/<name>`, or null when its percent-encoding is broken (`%`, `%ZZ`, `%C0%AF`). */
function decodeMethodName(encoded: string): string | null {
  try {
    return decodeURIComponent(encoded);
  } catch {
    return null;
  }
}

function sendResult(res: ServerResponse, result: Result<unknown>): void {
  const status = result.ok ? 200 : HTTP_STATUS[result.error.code];
  res.writeHead(status, {
    ...securityHeaders(),
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
  });
  res.end(JSON.stringify(result));
}

function readBody(req: IncomingMessage): Promise<string | 'too_large'> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) tooLarge = true;
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(tooLarge ? 'too_large' : Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
