const STORAGE_KEY = 'stampdesk.token';

/** The slices of window.location, sessionStorage and history this needs (kept small for tests). */
interface AddressBar {
  hash: string;
  pathname: string;
  search: string;
}
interface TabStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}
interface BrowserHistory {
  replaceState(data: unknown, unused: string, url: string): void;
}

/**
 * The browser host prints `http://127.0.0.1:<port>/#token=<token>`. The token is read from the
 * fragment once, kept for this tab in sessionStorage (so a reload keeps working), and removed from
 * the address bar.
 */
export function takeAccessToken(location: AddressBar, storage: TabStorage, history: BrowserHistory): string | null {
  const match = /(?:^#|&)token=([A-Za-z0-9_-]{16,128})/.exec(location.hash);
  if (match?.[1]) {
    storage.setItem(STORAGE_KEY, match[1]);
    history.replaceState(null, '', `${location.pathname}${location.search}#/`);
    return match[1];
  }
  return storage.getItem(STORAGE_KEY);
}
