import http from 'node:http';
import path from 'node:path';
import fs from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../../electron/core/create-core';
import { startWebHost, type WebHost } from '../../../../electron/web-host/server';
import { makeTempDir, MIGRATIONS_DIR } from '../../../support/temp-dir';
import { dbFingerprint } from '../../../support/db-fingerprint';

const HEADER = 'card_id,name,email,phone,template_id,template_version,stamps,goal,platforms,created_at,last_stamp_at';
const ROWS = ['113772,Olivia Smith,,,1024,2,2,8,web,2026-01-10T09:00:00Z,', '113773,علی رضایی,,,1024,2,1,8,apple,2026-01-10T09:00:00Z,'];
const TOKEN = 'test-token-0123456789abcdef';
/** Right-to-left override … pop: "\u202Eevil.exe\u202C" shows as "exe.live". */
const RLO = '\u202e';
const PDF = '\u202c';
const ALL_BIDI_CONTROLS = '\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069';

describe('text hygiene: broken characters refused, bidi controls stripped from names, titles, reasons and seats', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let core: Core;
  let host: WebHost;
  const call = (method: string, input: unknown) => core.call(method, input);
  const value = async <T>(method: string, input: unknown): Promise<T> => {
    const result = await call(method, input);
    if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
    return result.value as T;
  };
  /** A raw JSON body over real HTTP: `\ud800` is written as JSON's own escape, as any client could send it. */
  const rpc = (method: string, body: string) =>
    new Promise<{ status: number; body: { ok: boolean; value?: unknown; error?: { code: string; field?: string; key?: string } } }>((resolve, reject) => {
      const req = http.request(
        { host: '127.0.0.1', port: host.port, method: 'POST', path: `/rpc/${method}`, headers: { Host: `127.0.0.1:${host.port}`, Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' } },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) }));
        },
      );
      req.on('error', reject);
      req.end(body);
    });

  beforeEach(async () => {
    temp = makeTempDir();
    const rendererDir = path.join(temp.dir, 'renderer');
    fs.mkdirSync(rendererDir, { recursive: true });
    fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Stampdesk</title>');
    core = createCore({ dataDir: path.join(temp.dir, 'data'), migrationsDir: MIGRATIONS_DIR, version: 't' });
    await value('cards.importCsv', { csv: [HEADER, ...ROWS].join('\n'), dryRun: false });
    host = await startWebHost({ core, token: TOKEN, rendererDir, port: 0 });
  });
  afterEach(async () => {
    await host.close();
    core.close();
    temp.cleanup();
  });

  it('a lone surrogate or a NUL is refused over real HTTP, naming the field, and changes nothing', async () => {
    const before = dbFingerprint(core.db);
    for (const [bad, key] of [['\\ud800', 'validation.brokenCharacter'], ['\\udc00', 'validation.brokenCharacter'], ['\\u0000', 'validation.nulCharacter']] as const) {
      const adjust = await rpc('cards.adjustStamps', `{"id":113772,"delta":1,"reason":"Missed ${bad} stamp"}`);
      expect(adjust.body, bad).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'reason', key } });
      const message = await rpc('cards.sendMessage', `{"id":113772,"email":{"subject":"Hi","body":"Come by ${bad}"}}`);
      expect(message.body, bad).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'email.body', key } });
      const issue = await rpc('vouchers.issue', `{"title":"Free ${bad}coffee","redeemCode":{"kind":"generated"},"validity":{"kind":"unlimited"}}`);
      expect(issue.body, bad).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'title', key } });
      const seat = await rpc('settings.set', `{"seatName":"Counter ${bad}1"}`);
      expect(seat.body, bad).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'seatName', key } });
      const search = await rpc('cards.search', `{"query":"Oli${bad}"}`);
      expect(search.body, bad).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'query', key } });
    }
    expect(dbFingerprint(core.db)).toBe(before);
  });

  it('bidi controls are stripped from a stamp reason and a seat name sent over HTTP', async () => {
    const seat = await rpc('settings.set', JSON.stringify({ seatName: `${RLO}1 retnuoC${PDF}` }));
    expect(seat.body).toMatchObject({ ok: true, value: { seatName: '1 retnuoC' } });
    const adjust = await rpc('cards.adjustStamps', JSON.stringify({ id: 113772, delta: 1, reason: `${RLO}evil.exe${PDF}` }));
    expect(adjust.body.ok).toBe(true);
    const history = await value<{ items: Array<{ seat: string; data: { reason?: string } }> }>('cards.history', { id: 113772 });
    expect(history.items[0]).toMatchObject({ seat: '1 retnuoC', data: { reason: 'evil.exe' } });
  });

  it('names, titles and reasons keep no bidi control, but keep ZWJ and ZWNJ', async () => {
    const settings = await value<{ shopName: string }>('settings.set', { shopName: `${ALL_BIDI_CONTROLS}کافه\u200cی ما${ALL_BIDI_CONTROLS}` });
    expect(settings.shopName).toBe('کافه\u200cی ما');
    const issued = await value<{ vouchers: Array<{ id: number }> }>('vouchers.issue', {
      cardId: 113772,
      title: `ક્\u200dષ ${RLO}eerf${PDF}`,
      redeemCode: null,
      validity: { kind: 'unlimited' },
    });
    const id = issued.vouchers[0]!.id;
    await value('vouchers.void', { id, reason: `${RLO}gnorw${PDF} card` });
    const voucher = await value<{ title: string; voidReason: string }>('vouchers.get', { id });
    expect(voucher).toMatchObject({ title: 'ક્\u200dષ eerf', voidReason: 'gnorw card' });
  });

  it('a name, title or reason made only of bidi controls is empty, so it is refused as missing', async () => {
    const before = dbFingerprint(core.db);
    expect(await call('cards.adjustStamps', { id: 113772, delta: 1, reason: `${RLO}${PDF}` })).toMatchObject({ ok: false, error: { field: 'reason', key: 'validation.required' } });
    expect(await call('vouchers.issue', { title: ` ${RLO} `, redeemCode: null, validity: { kind: 'unlimited' } })).toMatchObject({ ok: false, error: { field: 'title' } });
    expect(await call('settings.set', { seatName: '\u2066\u2069' })).toMatchObject({ ok: false, error: { field: 'seatName' } });
    expect(dbFingerprint(core.db)).toBe(before);
  });

  it('message texts keep what the writer typed (bidi controls included); a search ignores them', async () => {
    await value('cards.sendMessage', { id: 113773, push: `${RLO}سلام${PDF} 2 for 1` });
    const history = await value<{ items: Array<{ data: { push?: string } }> }>('cards.history', { id: 113773 });
    expect(history.items[0]!.data.push).toBe(`${RLO}سلام${PDF} 2 for 1`);
    const found = await value<{ total: number }>('cards.search', { query: `\u2067علی${PDF}\u2069` });
    expect(found.total).toBe(1);
  });
});
