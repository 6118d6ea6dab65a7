import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { useTempCore } from '../../../support/temp-core';
import { SYNC_PROTOCOL_VERSION } from '../../../../shared/schemas/sync-protocol';
import type { SyncStatus, SyncTestResult } from '../../../../shared/schemas/sync';
import { KEY_FILE } from '../../../../electron/sync/key-store';
import { closedPort, json, startRawServer, type RawServer } from './raw-server';

const KEY = 'sk_live_9f8e7d6c5b4a';

describe('sync API: configure, status, test', () => {
  const core = useTempCore({ sync: { autoStart: false, backoffMs: [20], longPollSeconds: 1 } });
  let server: RawServer | null = null;
  afterEach(async () => {
    await server?.close();
    server = null;
  });

  async function value<T>(method: string, input: unknown = {}): Promise<T> {
    const result = await core().call(method, input);
    if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message}`);
    return result.value as T;
  }

  it('is off on a new install, with this installation as the device and nothing pending', async () => {
    const status = await value<SyncStatus>('sync.status');
    expect(status).toMatchObject({ state: 'off', enabled: false, url: null, hasApiKey: false, pending: 0, conflicts: 0, error: null });
    expect(status.deviceId).toMatch(/.{8,}/);
  });

  it('keeps the key in a file only this user can read, and never gives it back', async () => {
    const status = await value<SyncStatus>('sync.configure', { url: 'https://cloud.example.com/', apiKey: KEY, enabled: false });
    expect(status).toMatchObject({ url: 'https://cloud.example.com', hasApiKey: true, keyStorage: 'file', state: 'off' });
    expect(JSON.stringify(status)).not.toContain(KEY);
    const file = path.join(core().dataDir, KEY_FILE);
    expect(fs.readFileSync(file, 'utf8')).toBe(KEY);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    // nothing of the key in the database either
    expect(fs.readFileSync(path.join(core().dataDir, 'stampdesk.db')).includes(KEY)).toBe(false);
  });

  it('refuses plain http to any host but this computer, naming the field and saving nothing', async () => {
    const result = await core().call('sync.configure', { url: 'http://cloud.example.com', apiKey: KEY, enabled: true });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toMatchObject({ code: 'invalid_input', field: 'url' });
    expect(result.error.message).toContain('https://');
    expect(await value<SyncStatus>('sync.status')).toMatchObject({ url: null, hasApiKey: false, enabled: false });
    for (const url of ['http://127.0.0.1:8787', 'http://localhost:8787', 'http://[::1]:8787', 'https://cloud.example.com']) {
      expect((await core().call('sync.configure', { url })).ok, url).toBe(true);
    }
  });

  it('sync.test says the cloud answers, with its shop name, and sends the key, device and protocol headers', async () => {
    server = await startRawServer((req, res) => json(res, 200, { protocol: SYNC_PROTOCOL_VERSION, shopName: 'Corner Café', serverTime: 1_700_000_000_000 }));
    const result = await value<SyncTestResult>('sync.test', { url: server.url, apiKey: KEY });
    expect(result).toEqual({ ok: true, shopName: 'Corner Café', serverTime: 1_700_000_000_000 });
    const [request] = server.requests;
    expect(request).toMatchObject({ method: 'GET', url: '/v1/info' });
    expect(request!.headers.authorization).toBe(`Bearer ${KEY}`);
    expect(request!.headers['x-stampdesk-protocol']).toBe(String(SYNC_PROTOCOL_VERSION));
    expect(request!.headers['x-stampdesk-device']).toBe((await value<SyncStatus>('sync.status')).deviceId);
    // nothing was saved by a test
    expect(await value<SyncStatus>('sync.status')).toMatchObject({ url: null, hasApiKey: false });
  });

  it('sync.test uses the kept key when none is given', async () => {
    server = await startRawServer((req, res) => json(res, 200, { protocol: SYNC_PROTOCOL_VERSION, shopName: 'Kept', serverTime: 1 }));
    await value('sync.configure', { apiKey: KEY });
    expect(await value<SyncTestResult>('sync.test', { url: server.url })).toMatchObject({ ok: true, shopName: 'Kept' });
    expect(server.requests[0]!.headers.authorization).toBe(`Bearer ${KEY}`);
  });

  it('sync.test says what is wrong: wrong key, wrong version, not a Stampdesk cloud, no answer, plain http', async () => {
    server = await startRawServer((req, res) => {
      const key = req.headers.authorization;
      if (key === 'Bearer wrong') return json(res, 401, { error: { code: 'unauthorized', message: 'bad key' } });
      if (key === 'Bearer old') return json(res, 426, { error: { code: 'protocol', message: 'upgrade' } }, { 'x-stampdesk-protocol': '2' });
      if (key === 'Bearer future') return json(res, 200, { protocol: 7, shopName: 'x', serverTime: 1 });
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<html>a router page</html>');
    });
    const reasonOf = async (url: string, apiKey: string) => {
      const result = await value<SyncTestResult>('sync.test', { url, apiKey });
      expect(result.ok).toBe(false);
      return result.ok ? null : result.reason;
    };
    expect(await reasonOf(server.url, 'wrong')).toEqual({ key: 'sync.wrongKey', params: {} });
    expect(await reasonOf(server.url, 'old')).toEqual({ key: 'sync.wrongVersion', params: { server: 2, ours: SYNC_PROTOCOL_VERSION } });
    expect(await reasonOf(server.url, 'future')).toEqual({ key: 'sync.wrongVersion', params: { server: 7, ours: SYNC_PROTOCOL_VERSION } });
    expect(await reasonOf(server.url, 'any')).toMatchObject({ key: 'sync.notStampdesk' });
    const port = await closedPort();
    expect(await reasonOf(`http://127.0.0.1:${port}`, KEY)).toEqual({ key: 'sync.noAnswer', params: { host: `127.0.0.1:${port}` } });
    expect(await reasonOf('http://cloud.example.com', KEY)).toEqual({ key: 'sync.insecureUrl', params: {} });
    expect(await reasonOf('ftp://cloud.example.com', KEY)).toEqual({ key: 'sync.badUrl', params: {} });
    // the key is in no reason
    expect(server.requests.length).toBe(4);
  });

  it('sync.test without any key asks for one', async () => {
    expect(await value<SyncTestResult>('sync.test', { url: 'https://cloud.example.com' })).toEqual({ ok: false, reason: { key: 'sync.noApiKey', params: {} } });
  });

  it('sync.now while off answers the status without contacting anything; conflicts are empty', async () => {
    expect(await value<SyncStatus>('sync.now')).toMatchObject({ state: 'off' });
    expect(await value('sync.conflicts', {})).toEqual([]);
    const missing = await core().call('sync.markSeen', { id: 99 });
    expect(missing.ok).toBe(false);
  });

  it('switched off and on again, sync.now works as before', async () => {
    server = await startRawServer((req, res) => json(res, 200, { changes: [], cursor: 'e1:1', hasMore: false, reset: false }));
    await value('sync.configure', { url: server.url, apiKey: KEY, enabled: true });
    expect(await value<SyncStatus>('sync.now')).toMatchObject({ state: 'synced' });
    expect(await value<SyncStatus>('sync.configure', { enabled: false })).toMatchObject({ state: 'off' });
    await value('sync.configure', { enabled: true });
    expect(await value<SyncStatus>('sync.now')).toMatchObject({ state: 'synced', error: null });
    expect(server.requests.filter((r) => r.url.startsWith('/v1/pull'))).toHaveLength(2);
  });

  it('switched on without a key, the status says what is missing', async () => {
    await value('sync.configure', { url: 'https://cloud.example.com', enabled: true });
    expect(await value<SyncStatus>('sync.status')).toMatchObject({ state: 'error', error: { key: 'sync.noApiKey' } });
  });
});
