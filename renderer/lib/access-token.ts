const STORAGE_KEY = 'stampdesk.token';

/**
 * The browser host prints `http://127.0.0.1:<port>/#token=<token>`. The token is read from the
 * fragment once, kept for this tab in sessionStorage (so a reload keeps working), and removed from
 * the address bar.
 */
export function takeAccessToken(location: Location, storage: Storage, history: History): string | null {
  const match = /(?:^#|&)token=([A-Za-z0-9_-]{16,128})/.exec(location.hash);
  if (match?.[1]) {
    storage.setItem(STORAGE_KEY, match[1]);
    history.replaceState(null, '', `${location.pathname}${location.search}#/`);
    return match[1];
  }
  return storage.getItem(STORAGE_KEY);
}
