import fs from 'node:fs';
import type { Protocol } from 'electron';
import { CONTENT_SECURITY_POLICY } from './content-security-policy';
import { mimeTypeOf, resolveRendererFile } from './renderer-files';
import { APP_HOST, APP_SCHEME } from './security';

/** Must run before the app is ready: makes app:// a standard, secure origin. */
export function registerAppScheme(protocol: Protocol): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/** Serves the built renderer on app://stampdesk/, refusing any path outside it. */
export function serveRenderer(protocol: Protocol, rendererDir: string): void {
  protocol.handle(APP_SCHEME, (request) => {
    const url = new URL(request.url);
    const file = url.hostname === APP_HOST ? resolveRendererFile(rendererDir, url.pathname) : null;
    if (!file) return new Response('Not found', { status: 404 });
    return new Response(fs.readFileSync(file), {
      headers: { 'Content-Type': mimeTypeOf(file), 'Content-Security-Policy': CONTENT_SECURITY_POLICY },
    });
  });
}
