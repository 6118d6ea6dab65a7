import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createCore, type Core } from '../../../../electron/core/create-core';
import { MAX_BODY_BYTES, startWebHost, type WebHost } from '../../../../electron/web-host/server';
import { makeTempDir, MIGRATIONS_DIR } from '../../../support/temp-dir';

const TOKEN = 'test-token-0123456789abcdef';

/** A raw HTTP request on 127.0.0.1 (fetch would not let us forge Host or send odd paths). */
function request(
  port: number,
  options: { method?: string; path: string; headers?: Record<string, string>; body?: string | Buffer },
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port, method: options.method ?? 'GET', path: options.path, headers: { Host: `127.0.0.1:${port}`, ...options.headers } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    req.on('error', reject);
    if (options.body !== undefined) req.write(options.body);
    req.end();
  });
}

const rpc = (port: number, method: string, body: unknown, headers: Record<string, string> = {}) =>
  request(port, {
    method: 'POST',
    path: `/rpc/${method}`,
    headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });

describe('browser host over real HTTP on 127.0.0.1', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let core: Core;
  let host: WebHost;
  beforeAll(async () => {
    temp = makeTempDir();
    const rendererDir = path.join(temp.dir, 'renderer');
    fs.mkdirSync(path.join(rendererDir, 'assets'), { recursive: true });
    fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Stampdesk</title>');
    fs.writeFileSync(path.join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
    fs.writeFileSync(path.join(temp.dir, 'secret.txt'), 'do not serve');
    // links inside the built renderer that lead out of it: to a file, and to a folder
    fs.mkdirSync(path.join(temp.dir, 'private'));
    fs.writeFileSync(path.join(temp.dir, 'private', 'keys.js'), 'do not serve either');
    fs.symlinkSync(path.join(temp.dir, 'secret.txt'), path.join(rendererDir, 'assets', 'linked.js'));
    fs.symlinkSync(path.join(temp.dir, 'private'), path.join(rendererDir, 'linked-folder'));
    // a link that stays inside is fine
    fs.symlinkSync(path.join(rendererDir, 'assets', 'app.js'), path.join(rendererDir, 'assets', 'alias.js'));
    core = createCore({ dataDir: path.join(temp.dir, 'data'), migrationsDir: MIGRATIONS_DIR, version: '9.9.9' });
    host = await startWebHost({ core, token: TOKEN, rendererDir, port: 0 });
  });
  afterAll(async () => {
    await host.close();
    core.close();
    temp.cleanup();
  });

  it('listens on loopback only', () => {
    expect(host.server.address()).toMatchObject({ address: '127.0.0.1' });
  });

  it('answers an authorized call with { ok: true, value }', async () => {
    const res = await rpc(host.port, 'app.info', {});
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toMatchObject({ ok: true, value: { version: '9.9.9', cards: 0, vouchers: 0 } });
    expect(res.headers['content-type']).toContain('application/json');
  });

  it('refuses a missing or wrong token with 401', async () => {
    const missing = await request(host.port, { method: 'POST', path: '/rpc/app.info', body: '{}' });
    expect(missing.status).toBe(401);
    expect(JSON.parse(missing.body)).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    const wrong = await rpc(host.port, 'app.info', {}, { Authorization: 'Bearer not-the-token-at-all-xxxx' });
    expect(wrong.status).toBe(401);
    const otherScheme = await rpc(host.port, 'app.info', {}, { Authorization: `Basic ${TOKEN}` });
    expect(otherScheme.status).toBe(401);
  });

  it('refuses a foreign Origin with 403, even with the right token', async () => {
    for (const origin of ['https://evil.example', 'http://127.0.0.1:1', 'null']) {
      const res = await rpc(host.port, 'settings.set', { shopName: 'pwned' }, { Origin: origin });
      expect(res.status).toBe(403);
    }
    const settings = await rpc(host.port, 'settings.get', {});
    expect(JSON.parse(settings.body).value.shopName).toBe('');
    const own = await rpc(host.port, 'app.info', {}, { Origin: `http://127.0.0.1:${host.port}` });
    expect(own.status).toBe(200);
  });

  it('refuses a Host header other than loopback (DNS rebinding)', async () => {
    const res = await request(host.port, { path: '/', headers: { Host: 'evil.example' } });
    expect(res.status).toBe(403);
  });

  it('gives an unknown method a clear error', async () => {
    const res = await rpc(host.port, 'cards.launchRocket', {});
    expect(res.status).toBe(404);
    expect(JSON.parse(res.body)).toEqual({
      ok: false,
      error: {
        code: 'unknown_method',
        message: 'There is no API method "cards.launchRocket".',
        key: 'apiErrors.api.unknownMethod',
        params: { method: 'cards.launchRocket' },
      },
    });
  });

  it('reports invalid JSON and field errors as 400 without changing anything', async () => {
    const broken = await request(host.port, {
      method: 'POST',
      path: '/rpc/settings.set',
      headers: { Authorization: `Bearer ${TOKEN}` },
      body: '{"shopName": "unterminated',
    });
    expect(broken.status).toBe(400);
    expect(JSON.parse(broken.body)).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'input' } });
    const field = await rpc(host.port, 'settings.set', { timeZone: 'Mars/Olympus_Mons' });
    expect(field.status).toBe(400);
    expect(JSON.parse(field.body)).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'timeZone' } });
  });

  it('refuses bodies over the limit with 413', async () => {
    const res = await request(host.port, {
      method: 'POST',
      path: '/rpc/settings.set',
      headers: { Authorization: `Bearer ${TOKEN}` },
      body: Buffer.alloc(MAX_BODY_BYTES + 10, 0x20),
    });
    expect(res.status).toBe(413);
  });

  it('serves the renderer with security headers and nothing outside it', async () => {
    const index = await request(host.port, { path: '/' });
    expect(index.status).toBe(200);
    expect(index.body).toContain('<title>Stampdesk</title>');
    expect(index.headers['content-security-policy']).toContain("script-src 'self'");
    expect(index.headers['x-frame-options']).toBe('DENY');
    expect((await request(host.port, { path: '/assets/app.js' })).status).toBe(200);
    for (const sneaky of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt', '/%00index.html', '/nope.js']) {
      expect((await request(host.port, { path: sneaky })).status, sneaky).toBe(404);
    }
    expect((await request(host.port, { method: 'DELETE', path: '/' })).status).toBe(405);
  });

  it('does not follow a symbolic link out of the built renderer', async () => {
    for (const linked of ['/assets/linked.js', '/linked-folder/keys.js']) {
      const res = await request(host.port, { path: linked });
      expect(res.status, linked).toBe(404);
      expect(res.body).not.toContain('do not serve');
    }
    const inside = await request(host.port, { path: '/assets/alias.js' });
    expect([inside.status, inside.body]).toEqual([200, 'console.log(1)']);
  });

  it('answers a method name with broken percent-encoding with 400, not a server error with a stack trace', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      for (const bad of ['/rpc/%', '/rpc/app.info%E0%A4%A', '/rpc/%ZZ', '/rpc/%C0%AF']) {
        const res = await request(host.port, { method: 'POST', path: bad, headers: { Authorization: `Bearer ${TOKEN}` }, body: '{}' });
        expect(res.status, bad).toBe(400);
        const body = JSON.parse(res.body) as { ok: boolean; error: { code: string; key: string; message: string } };
        expect(body).toMatchObject({ ok: false, error: { code: 'invalid_input', key: 'apiErrors.host.badAddress' } });
        expect(res.body).not.toMatch(/URIError|\bat\s|node:internal/);
      }
      expect(logged).not.toHaveBeenCalled();
    } finally {
      logged.mockRestore();
    }
  });
});
