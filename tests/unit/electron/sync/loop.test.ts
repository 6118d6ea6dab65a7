import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startCloud, type Cloud } from '../../../support/cloud';
import type { SyncStatus } from '../../../../shared/schemas/sync';
import { cardsCsv, openCountedPc, until, type CountedPc } from './sync-pc';
import { closedPort } from './raw-server';

describe('the background sync loop', () => {
  let cloud: Cloud;
  let apiKey: string;
  let pc: CountedPc | null = null;
  // one cloud (PGlite takes seconds to start), a shop of its own for each test
  beforeAll(async () => {
    cloud = await startCloud({ port: 0 });
  }, 60_000);
  afterAll(() => cloud.close());
  beforeEach(async () => {
    ({ apiKey } = await cloud.createShop('Loop Coffee'));
  });
  afterEach(() => {
    cloud.faults.clear();
    pc?.close();
    pc = null;
  });

  async function startPc(longPollSeconds: number): Promise<CountedPc> {
    pc = openCountedPc({ autoStart: true, longPollSeconds });
    await pc.value('sync.configure', { url: cloud.url, apiKey, enabled: true });
    await until(async () => (await pc!.value<SyncStatus>('sync.status')).state === 'synced', 'the first sync');
    return pc;
  }

  it('idle, it waits in a long-poll instead of polling in a loop', async () => {
    const { requests } = await startPc(1);
    const before = requests.length;
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    // one long-poll a second at most (a loop without one would send hundreds)
    expect(requests.length - before).toBeLessThanOrEqual(4);
    expect(requests.slice(before).every((path) => path === '/v1/pull')).toBe(true);
  });

  it('a local change wakes it at once: pushed while a 20 s long-poll was waiting', async () => {
    const pc = await startPc(20);
    await new Promise((resolve) => setTimeout(resolve, 200));
    await pc.value('cards.importCsv', { csv: cardsCsv(700001, 2), dryRun: false });
    await until(async () => (await cloud.snapshot(apiKey)).cards.length === 2, 'the cards in the cloud', 5_000);
    await until(async () => (await pc.value<SyncStatus>('sync.status')).pending === 0, 'nothing pending', 5_000);
  });

  it('a change in the cloud reaches it through the long-poll, and sync.now answers once caught up', async () => {
    const pc = await startPc(20);
    const card = await cloud.simulate.cardSaved(apiKey, { name: 'Wallet Customer' });
    await until(async () => {
      const found = await pc.value<{ items: Array<{ name: string }> }>('cards.search', { query: 'Wallet Customer' });
      return found.items.length === 1;
    }, 'the wallet card on the PC', 5_000);
    expect(card.token).toBeTruthy();
    const status = await pc.value<SyncStatus>('sync.now');
    expect(status).toMatchObject({ state: 'synced', pending: 0, error: null });
    expect(status.lastSyncAt).not.toBeNull();
  });

  it('no answer: offline since the first failure, retried with backoff; an error reply is an error; back to synced after', async () => {
    pc = openCountedPc({ autoStart: true, longPollSeconds: 1 });
    const nowhere = `http://127.0.0.1:${await closedPort()}`;
    await pc!.value('sync.configure', { url: nowhere, apiKey, enabled: true });
    await pc!.value('cards.importCsv', { csv: cardsCsv(700101, 1), dryRun: false });
    await until(async () => pc!.requests.length >= 3, 'a few retries');
    const offline = await pc!.value<SyncStatus>('sync.status');
    expect(offline).toMatchObject({ state: 'offline', pending: 1, error: { key: 'sync.noAnswer' } });
    expect(offline.offlineSince).not.toBeNull();
    // still offline since the first failure, not the latest
    await until(async () => pc!.requests.length >= 5, 'more retries');
    expect((await pc!.value<SyncStatus>('sync.status')).offlineSince).toBe(offline.offlineSince);

    cloud.faults.set({ status: 503 });
    await pc!.value('sync.configure', { url: cloud.url });
    await until(async () => (await pc!.value<SyncStatus>('sync.status')).state === 'error', 'the error reply');
    expect(await pc!.value<SyncStatus>('sync.status')).toMatchObject({ error: { key: 'sync.serverError', params: { status: 503 } }, offlineSince: null });
    cloud.faults.clear();
    await until(async () => (await pc!.value<SyncStatus>('sync.status')).state === 'synced', 'synced again');
    expect(await pc!.value<SyncStatus>('sync.status')).toMatchObject({ pending: 0, error: null, offlineSince: null });
    expect((await cloud.snapshot(apiKey)).cards).toHaveLength(1);
  });
});
