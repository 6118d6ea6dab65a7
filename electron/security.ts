import type { App, Session, WebContents } from 'electron';
import { CONTENT_SECURITY_POLICY } from './content-security-policy';

/** The renderer is served from this custom origin, never from file://. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'stampdesk';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/** True only for URLs of the app's own origin (no credentials, no port, no look-alike hosts). */
export function isTrustedAppUrl(url: string | undefined | null): boolean {
  if (!url) return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return (
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.hostname === APP_HOST &&
    parsed.port === '' &&
    parsed.username === '' &&
    parsed.password === ''
  );
}

/** Locks down every web contents the app ever creates, and the session's permissions and headers. */
export function applySecurity(app: App, session: Session): void {
  app.on('web-contents-created', (_event, contents) => lockDownContents(contents));
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] },
    });
  });
}

/** No navigation away from the app, no new windows, no <webview>. */
export function lockDownContents(contents: WebContents): void {
  const stayInApp = (event: { preventDefault(): void }, url: string) => {
    if (!isTrustedAppUrl(url)) event.preventDefault();
  };
  contents.on('will-navigate', stayInApp);
  contents.on('will-redirect', stayInApp);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}
