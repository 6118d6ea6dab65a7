import crypto from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/** A fresh random token for one run of the browser host. */
export function newToken(): string {
  return crypto.randomBytes(24).toString('base64url');
}

/** Constant-time check of `Authorization: Bearer <token>`. */
export function hasValidToken(req: IncomingMessage, token: string): boolean {
  const header = req.headers.authorization ?? '';
  const match = /^Bearer (\S+)$/.exec(header);
  if (!match?.[1]) return false;
  const given = Buffer.from(match[1]);
  const expected = Buffer.from(token);
  return given.length === expected.length && crypto.timingSafeEqual(given, expected);
}

/** The loopback origins the app itself is served from. */
export function allowedOrigins(port: number): string[] {
  return [`http://127.0.0.1:${port}`, `http://localhost:${port}`];
}

/** Host header must name loopback (guards against DNS rebinding). */
export function hasLoopbackHost(req: IncomingMessage, port: number): boolean {
  const host = req.headers.host;
  return host !== undefined && [`127.0.0.1:${port}`, `localhost:${port}`].includes(host);
}

/** A request from a browser page carries Origin; it must be the app's own. Tools send none. */
export function hasAllowedOrigin(req: IncomingMessage, port: number): boolean {
  const origin = req.headers.origin;
  return origin === undefined || allowedOrigins(port).includes(origin);
}
