import { afterEach, describe, expect, it, vi } from 'vitest';
import { createSyncEngine } from '../../../../electron/sync/engine';
import { createFileKeyStore } from '../../../../electron/sync/key-store';
import type { Timers } from '../../../../electron/sync/wake-sleep';
import type { PushEntry, PushResponse } from '../../../../shared/schemas/sync-protocol';
import type { SyncStatus } from '../../../../shared/schemas/sync';
import { useTempCore } from '../../../support/temp-core';
import { closedPort, json, startRawServer, type RawServer } from './raw-server';
import { cardsCsv, until } from './sync-pc';

const KEY = 'sk_live_never_print_me_42';

describe('sync engine: backoff, gaps, reset, the key', () => {
  const core = useTempCore({ sync: { autoStart: false, backoffMs: [20], longPollSeconds: 1 } });
  let server: RawServer | null = null;
  afterEach(async () => {
    vi.restoreAllMocks();
    await server?.close();
    server = null;
  });

  async function value<T>(method: string, input: unknown = {}): Promise<T> {
    const result = await core().call(method, input, 'Till A');
    if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message}`);
    return result.value as T;
  }

  /**
   * A cloud double that keeps the protocol's push rule (seq must be last + 1, replays answered from the stored
   * outcomes) and can be "restored from a backup" (forgets entries after a seq); pulls answer nothing new.
   */
  async function startSeqCloud() {
    const applied: PushEntry[] = [];
    const received: number[] = [];
    server = await startRawServer((req, res) => {
      if (req.url.startsWith('/v1/pull')) return json(res, 200, { changes: [], cursor: 'e1:1', hasMore: false, reset: false });
      const entries = (JSON.parse(req.body) as { entries: PushEntry[] }).entries;
      const outcomes: PushResponse['outcomes'] = [];
      for (const entry of entries) {
        received.push(entry.seq);
        if (entry.seq <= applied.length) outcomes.push({ seq: entry.seq, key: entry.key, status: 'duplicate', reason: null, detail: null });
        else if (entry.seq === applied.length + 1) {
          applied.push(entry);
          outcomes.push({ seq: entry.seq, key: entry.key, status: 'applied', reason: null, detail: null });
        } else {
          const reply = { outcomes, lastSeq: applied.length, expectedSeq: applied.length + 1 };
          return outcomes.length === 0 ? json(res, 409, { error: { code: 'seqGap', message: 'gap' }, ...reply }) : json(res, 200, reply);
        }
      }
      json(res, 200, { outcomes, lastSeq: applied.length, expectedSeq: null });
    });
    return { applied, received, restoreTo: (seq: number) => applied.splice(seq) };
  }

  it('a cloud restored from a backup (409, expected seq behind) gets the lost entries again, in order, each once', async () => {
    const cloud = await startSeqCloud();
    await value('sync.configure', { url: server!.url, apiKey: KEY, enabled: true });
    await value('cards.importCsv', { csv: cardsCsv(800001, 1), dryRun: false });
    await value('cards.importCsv', { csv: cardsCsv(800002, 1), dryRun: false });
    expect(await value<SyncStatus>('sync.now')).toMatchObject({ state: 'synced', pending: 0 });
    const before = cloud.applied.map((e) => e.key);
    expect(before.length).toBeGreaterThanOrEqual(2);
    cloud.restoreTo(1);
    await value('cards.adjustStamps', { id: 800001, delta: 2, reason: 'After the restore' });
    expect(await value<SyncStatus>('sync.now')).toMatchObject({ state: 'synced', pending: 0, error: null });
    const after = cloud.applied.map((e) => e.key);
    expect(after.slice(0, before.length)).toEqual(before);
    expect(after).toHaveLength(before.length + 1);
    expect(cloud.applied.map((e) => e.seq)).toEqual(after.map((_, i) => i + 1));
  });

  it('a cloud that no longer knows the cursor (reset) is pulled again from the start', async () => {
    let epoch = 'e1';
    server = await startRawServer((req, res) => {
      const cursor = new URL(req.url, 'http://x').searchParams.get('cursor');
      if (cursor !== null && !cursor.startsWith(`${epoch}:`)) return json(res, 200, { changes: [], cursor: `${epoch}:0`, hasMore: false, reset: true });
      json(res, 200, { changes: [], cursor: `${epoch}:7`, hasMore: false, reset: false });
    });
    await value('sync.configure', { url: server.url, apiKey: KEY, enabled: true });
    await value('sync.now');
    epoch = 'e2';
    expect(await value<SyncStatus>('sync.now')).toMatchObject({ state: 'synced', error: null });
    const pulls = server.requests.filter((r) => r.url.startsWith('/v1/pull')).map((r) => new URL(r.url, 'http://x').searchParams.get('cursor'));
    expect(pulls).toEqual([null, 'e1:7', null]);
  });

  it('backs off exponentially with jitter, and no CPU is spent between attempts', async () => {
    await value('sync.configure', { url: `http://127.0.0.1:${await closedPort()}`, apiKey: KEY, enabled: true });
    const asked: number[] = [];
    const timers: Timers = {
      setTimeout: (fn, ms) => {
        asked.push(ms);
        return setImmediate(fn);
      },
      clearTimeout: (handle) => clearImmediate(handle as NodeJS.Immediate),
    };
    const randoms = [0, 0.5, 0.999, 0.25, 0.75];
    let i = 0;
    const engine = createSyncEngine({
      db: core().db,
      keyStore: createFileKeyStore(core().dataDir),
      timers,
      backoffMs: [100, 200, 400],
      random: () => randoms[i++ % randoms.length]!,
      log: () => undefined,
    });
    engine.start();
    await until(() => asked.length >= 5, 'five retries');
    await engine.stop();
    expect(asked.slice(0, 5)).toEqual([50, 150, 400, 250, 350]);
    expect(engine.status()).toMatchObject({ state: 'offline', error: { key: 'sync.noAnswer' } });
  });

  it('the key never reaches a log line, a status, a reason or an error message', async () => {
    const printed: string[] = [];
    for (const method of ['log', 'error', 'warn', 'info', 'debug'] as const) {
      vi.spyOn(console, method).mockImplementation((...args: unknown[]) => void printed.push(args.map(String).join(' ')));
    }
    server = await startRawServer((req, res) => json(res, 401, { error: { code: 'unauthorized', message: 'unknown API key' } }));
    const results: unknown[] = [];
    results.push(await core().call('sync.configure', { url: server.url, apiKey: KEY, enabled: true }));
    results.push(await core().call('sync.now', {}));
    results.push(await core().call('sync.test', { url: server.url }));
    results.push(await core().call('sync.test', { url: `http://127.0.0.1:${await closedPort()}` }));
    results.push(await core().call('sync.configure', { url: 'http://cloud.example.com' }));
    results.push(await core().call('sync.status', {}));
    const everything = JSON.stringify(results) + printed.join('\n');
    expect(everything).not.toContain(KEY);
    expect(JSON.stringify(results)).toContain('sync.wrongKey');
    // but the cloud did get it
    expect(server.requests[0]!.headers.authorization).toBe(`Bearer ${KEY}`);
  });
});
