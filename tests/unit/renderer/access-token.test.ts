import { describe, expect, it } from 'vitest';
import { takeAccessToken } from '../../../renderer/lib/access-token';

function fakeBrowser(hash: string) {
  const store = new Map<string, string>();
  const storage = { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, v) };
  const location = { hash, pathname: '/', search: '' };
  const replaced: string[] = [];
  const history = { replaceState: (_s: unknown, _t: string, url: string) => void replaced.push(url) };
  return { storage, location, history, replaced, store };
}

describe('access token from the printed address', () => {
  it('takes it from the fragment, keeps it for the tab and removes it from the address', () => {
    const b = fakeBrowser('#token=AbCdEf0123456789_-xyz');
    expect(takeAccessToken(b.location, b.storage, b.history)).toBe('AbCdEf0123456789_-xyz');
    expect(b.replaced).toEqual(['/#/']);
    const reload = fakeBrowser('#/settings');
    reload.store.set('stampdesk.token', 'AbCdEf0123456789_-xyz');
    expect(takeAccessToken(reload.location, reload.storage, reload.history)).toBe('AbCdEf0123456789_-xyz');
  });

  it('ignores a missing or malformed token', () => {
    for (const hash of ['', '#/about', '#token=', '#token=short', '#token=<script>alert(1)</script>aaaaaaaaaa']) {
      const b = fakeBrowser(hash);
      expect(takeAccessToken(b.location, b.storage, b.history), hash).toBeNull();
    }
  });
});
