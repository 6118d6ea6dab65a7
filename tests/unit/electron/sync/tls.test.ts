import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import https from 'node:https';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SyncTestResult } from '../../../../shared/schemas/sync';
import { SYNC_PROTOCOL_VERSION } from '../../../../shared/schemas/sync-protocol';
import { useTempCore } from '../../../support/temp-core';
import { makeTempDir } from '../../../support/temp-dir';

/** A cloud on https://127.0.0.1 whose certificate nobody trusts (self-signed, made by openssl for this test). */
describe('sync over TLS', () => {
  const core = useTempCore({ sync: { autoStart: false } });
  const temp = makeTempDir();
  let server: https.Server;
  let url = '';
  beforeAll(async () => {
    const key = path.join(temp.dir, 'key.pem');
    const cert = path.join(temp.dir, 'cert.pem');
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '1', '-subj', '/CN=127.0.0.1'], { stdio: 'ignore' });
    server = https.createServer({ key: fs.readFileSync(key), cert: fs.readFileSync(cert) }, (req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ protocol: SYNC_PROTOCOL_VERSION, shopName: 'Untrusted', serverTime: 1 }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    temp.cleanup();
  });

  it('a certificate that cannot be trusted is a TLS problem, said as such, and nothing is sent unprotected', async () => {
    const result = await core().call('sync.test', { url, apiKey: 'sk_test' });
    expect(result.ok).toBe(true);
    const answer = (result as { value: SyncTestResult }).value;
    expect(answer.ok).toBe(false);
    if (answer.ok) return;
    expect(answer.reason.key).toBe('sync.tls');
    expect(answer.reason.params).toMatchObject({ host: url.replace('https://', '') });
    expect(String(answer.reason.params.detail)).toMatch(/SELF_SIGNED|CERT|UNABLE/);
  });
});
