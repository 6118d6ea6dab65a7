import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { METHOD_NAMES } from '../../../shared/api/contract';
import { CONTENT_SECURITY_POLICY } from '../../../electron/content-security-policy';
import { lockDataFolder } from '../../../electron/db/folder-lock';
import { fake, FakeWebContents } from '../../support/fake-electron';
import { makeTempDir, MIGRATIONS_DIR } from '../../support/temp-dir';

vi.mock('electron', () => fake.module);

const TRUSTED = { senderFrame: { url: 'app://stampdesk/index.html' } };

/** Loads electron/main.ts fresh against the stand-in electron module and lets it reach "ready". */
async function startShell(options: { lock?: boolean; beforeStart?: (dataDir: string) => void } = {}) {
  vi.resetModules();
  const temp = makeTempDir();
  fs.mkdirSync(path.join(temp.dir, 'app', 'dist', 'renderer'), { recursive: true });
  fs.writeFileSync(path.join(temp.dir, 'app', 'dist', 'renderer', 'index.html'), '<!doctype html><title>x</title>');
  fs.cpSync(MIGRATIONS_DIR, path.join(temp.dir, 'app', 'dist', 'migrations'), { recursive: true });
  fake.reset(path.join(temp.dir, 'app'));
  fake.state.singleInstanceLock = options.lock ?? true;
  process.env.STAMPDESK_DATA_DIR = path.join(temp.dir, 'data');
  options.beforeStart?.(path.join(temp.dir, 'data'));
  await import('../../../electron/main');
  fake.becomeReady();
  await new Promise((resolve) => setTimeout(resolve, 20));
  return temp;
}

describe('Electron shell (against a stand-in electron module)', () => {
  let temp: { dir: string; cleanup(): void };
  beforeEach(async () => {
    temp = await startShell();
  });
  afterEach(() => {
    fake.module.app.emit('will-quit');
    delete process.env.STAMPDESK_DATA_DIR;
    temp.cleanup();
  });

  it('opens one window: isolated, sandboxed, no Node, with the preload, on the app origin', () => {
    expect(fake.state.windows).toHaveLength(1);
    const window = fake.state.windows[0]!;
    const prefs = window.options.webPreferences as Record<string, unknown>;
    expect(prefs.contextIsolation).toBe(true);
    expect(prefs.sandbox).toBe(true);
    expect(prefs.nodeIntegration).toBe(false);
    expect(prefs.webSecurity).toBe(true);
    expect(prefs.webviewTag).toBe(false);
    expect(prefs.preload).toBe(path.join(fake.state.appPath, 'dist', 'electron', 'preload.cjs'));
    expect(window.loadedUrl).toBe('app://stampdesk/index.html');
  });

  it('keeps the database in the data folder', () => {
    expect(fs.existsSync(path.join(temp.dir, 'data', 'stampdesk.db'))).toBe(true);
  });

  it('keeps the cloud API key with safeStorage: encrypted in the data folder, never in plain text, never returned', async () => {
    const configure = fake.state.ipcHandlers.get('stampdesk:sync.configure')!;
    const key = 'sk_live_electron_keychain_1';
    const result = (await configure(TRUSTED, { url: 'https://cloud.example.com', apiKey: key })) as { ok: boolean; value: unknown };
    expect(result).toMatchObject({ ok: true, value: { hasApiKey: true, keyStorage: 'keychain' } });
    expect(JSON.stringify(result)).not.toContain(key);
    const data = path.join(temp.dir, 'data');
    expect(fs.existsSync(path.join(data, 'sync-api-key'))).toBe(false);
    const kept = fs.readFileSync(path.join(data, 'sync-api-key.enc'));
    expect(kept.includes(Buffer.from(key))).toBe(false);
    expect(fs.statSync(path.join(data, 'sync-api-key.enc')).mode & 0o777).toBe(0o600);
  });

  it('registers exactly one IPC handler per API method of the contract', () => {
    const channels = [...fake.state.ipcHandlers.keys()].sort();
    expect(channels).toEqual(METHOD_NAMES.map((m) => `stampdesk:${m}`).sort());
  });

  it('answers a call from the app origin and refuses any other sender frame', async () => {
    const handler = fake.state.ipcHandlers.get('stampdesk:app.info')!;
    await expect(handler(TRUSTED, {})).resolves.toMatchObject({ ok: true, value: { schemaVersion: expect.any(Number) } });
    for (const url of ['https://evil.example/', 'file:///etc/passwd', 'app://stampdesk.evil.example/', 'app://user:pw@stampdesk/', undefined]) {
      const result = await handler({ senderFrame: url === undefined ? null : { url } }, {});
      expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
  });

  it('validates input coming over IPC like everywhere else', async () => {
    const handler = fake.state.ipcHandlers.get('stampdesk:settings.set')!;
    await expect(handler(TRUSTED, { shopName: 42 })).resolves.toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'shopName' } });
    // IPC's structured clone carries a lone surrogate as readily as JSON does
    const broken = { ok: false, error: { code: 'invalid_input', field: 'shopName', key: 'validation.brokenCharacter' } };
    await expect(handler(TRUSTED, { shopName: 'Caf\ud800' })).resolves.toMatchObject(broken);
  });

  it('blocks navigation away from the app, new windows and webviews', () => {
    const contents = new FakeWebContents();
    fake.module.app.emit('web-contents-created', {}, contents);
    const navigate = (event: string, url: string) => {
      const e = { preventDefault: vi.fn() };
      contents.emit(event, e, url);
      return e.preventDefault.mock.calls.length > 0;
    };
    expect(navigate('will-navigate', 'https://evil.example/')).toBe(true);
    expect(navigate('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(navigate('will-redirect', 'http://127.0.0.1:1/')).toBe(true);
    expect(navigate('will-navigate', 'app://stampdesk/index.html#/settings')).toBe(false);
    expect(navigate('will-attach-webview', 'app://stampdesk/')).toBe(true);
    expect(contents.windowOpenHandler?.({ url: 'https://example.com' })).toEqual({ action: 'deny' });
  });

  it('denies every permission and sends the strict CSP', () => {
    const granted: boolean[] = [];
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      fake.state.permissionRequestHandler!({}, permission, (g) => granted.push(g));
    }
    expect(granted).toEqual([false, false, false, false, false]);
    expect(fake.state.permissionCheckHandler!({}, 'media')).toBe(false);
    let headers: Record<string, string[]> = {};
    fake.state.headersHandler!({ responseHeaders: { 'Content-Type': ['text/html'] } }, (r) => (headers = r.responseHeaders));
    expect(headers['Content-Security-Policy']).toEqual([CONTENT_SECURITY_POLICY]);
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe');
  });

  it('serves the renderer on app://stampdesk only, never outside its folder', async () => {
    expect(fake.state.privilegedSchemes).toEqual([expect.objectContaining({ scheme: 'app' })]);
    const serve = fake.state.protocolHandlers.get('app')!;
    const ok = await serve(new Request('app://stampdesk/index.html'));
    expect(ok.status).toBe(200);
    expect(ok.headers.get('Content-Security-Policy')).toBe(CONTENT_SECURITY_POLICY);
    for (const url of ['app://stampdesk/../../package.json', 'app://stampdesk/%2e%2e/%2e%2e/package.json', 'app://other/index.html']) {
      expect((await serve(new Request(url))).status).toBe(404);
    }
  });

  it('does not serve a symbolic link that leads out of the built renderer', async () => {
    fs.writeFileSync(path.join(temp.dir, 'outside.js'), 'secret');
    fs.symlinkSync(path.join(temp.dir, 'outside.js'), path.join(temp.dir, 'app', 'dist', 'renderer', 'linked.js'));
    const serve = fake.state.protocolHandlers.get('app')!;
    expect((await serve(new Request('app://stampdesk/linked.js'))).status).toBe(404);
  });

  it('is a single instance per data folder: the user data (where Electron keeps its instance lock) is the data folder', () => {
    expect(fake.state.userDataAtLockRequest).toBe(path.join(temp.dir, 'data'));
  });

  it('focuses the existing window when a second instance starts', () => {
    fake.module.app.emit('second-instance');
    expect(fake.state.windows[0]!.focused).toBe(true);
  });
});

describe('Electron shell start-up failures', () => {
  it('quits without a window when another instance holds the lock', async () => {
    const temp = await startShell({ lock: false });
    try {
      expect(fake.state.quitCalls).toBe(1);
      expect(fake.state.windows).toHaveLength(0);
    } finally {
      delete process.env.STAMPDESK_DATA_DIR;
      temp.cleanup();
    }
  });

  it('explains in a dialog that Stampdesk is already running with the folder when a browser host holds it, and opens no window', async () => {
    let held: { release(): void } | null = null;
    const temp = await startShell({
      beforeStart: (dataDir) => {
        fs.mkdirSync(dataDir, { recursive: true });
        held = lockDataFolder(dataDir);
      },
    });
    try {
      expect(fake.state.errorBoxes).toEqual([
        { title: 'Stampdesk cannot start', content: expect.stringContaining(`Stampdesk is already running with the data folder ${path.join(temp.dir, 'data')}.`) },
      ]);
      expect(fake.state.windows).toHaveLength(0);
      expect(fake.state.quitCalls).toBe(1);
    } finally {
      held!.release();
      delete process.env.STAMPDESK_DATA_DIR;
      temp.cleanup();
    }
  });

  it.each([
    { system: ['en-US'], title: 'Stampdesk cannot start', says: /damaged or is not a Stampdesk database/ },
    // in the OS language when Stampdesk speaks it (the shop's own setting cannot be read from a damaged file)
    { system: ['th-TH', 'en-US'], title: 'Stampdesk เริ่มทำงานไม่ได้', says: /เสียหาย|ไม่ใช่ฐานข้อมูล/ },
  ])('explains a damaged database in a dialog ($system.0) and leaves the file alone', async ({ system, title, says }) => {
    vi.resetModules();
    const temp = makeTempDir();
    try {
      fs.mkdirSync(path.join(temp.dir, 'data'));
      const damaged = Buffer.from('this is not a database, just some bytes');
      fs.writeFileSync(path.join(temp.dir, 'data', 'stampdesk.db'), damaged);
      fake.reset(path.join(temp.dir, 'app'));
      fake.state.systemLanguages = system;
      fs.cpSync(MIGRATIONS_DIR, path.join(temp.dir, 'app', 'dist', 'migrations'), { recursive: true });
      process.env.STAMPDESK_DATA_DIR = path.join(temp.dir, 'data');
      await import('../../../electron/main');
      fake.becomeReady();
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(fake.state.errorBoxes).toHaveLength(1);
      expect(fake.state.errorBoxes[0]!.title).toBe(title);
      expect(fake.state.errorBoxes[0]!.content).toMatch(says);
      expect(fake.state.errorBoxes[0]!.content).toContain(path.join(temp.dir, 'data', 'stampdesk.db'));
      expect(fake.state.windows).toHaveLength(0);
      expect(fs.readFileSync(path.join(temp.dir, 'data', 'stampdesk.db'))).toEqual(damaged);
    } finally {
      delete process.env.STAMPDESK_DATA_DIR;
      temp.cleanup();
    }
  });
});

describe('preload', () => {
  it('exposes only window.stampdesk.call, which refuses malformed method names before any IPC', async () => {
    vi.resetModules();
    fake.reset('');
    fake.state.ipcHandlers.set('stampdesk:app.info', () => ({ ok: true, value: 'reached' }));
    await import('../../../electron/preload');
    expect([...fake.state.exposed.keys()]).toEqual(['stampdesk']);
    const api = fake.state.exposed.get('stampdesk') as { call(method: unknown, input: unknown): Promise<unknown> };
    expect(Object.keys(api)).toEqual(['call']);
    await expect(api.call('app.info', {})).resolves.toEqual({ ok: true, value: 'reached' });
    for (const bad of ['../../x', 'app.info;rm', '', 42, 'a'.repeat(200)]) {
      await expect(api.call(bad, {})).resolves.toMatchObject({ ok: false, error: { code: 'unknown_method' } });
    }
    await expect(api.call('cards.nothing', {})).resolves.toMatchObject({ ok: false, error: { code: 'unknown_method' } });
    expect(fake.state.invocations.map((i) => i.channel)).toEqual(['stampdesk:app.info', 'stampdesk:cards.nothing']);
  });
});
