import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterEach, beforeEach } from 'vitest';
import { createCore, type Core, type CoreOptions } from '../../electron/core/create-core';
import type { SyncStatus } from '../../shared/schemas/sync';
import { startCloud, type Cloud } from './cloud/index';
import { MIGRATIONS_DIR } from './temp-dir';
import { TEST_SYNC_OPTIONS } from './sync-options';
import { snapshotOfCloud, snapshotOfPc, type SyncSnapshot } from './sync-snapshot';

/**
 * Several Stampdesk installations (app cores, each with a data folder of its own) syncing with one reference cloud
 * (tests/support/cloud). The cloud keeps its data in embedded PGlite files, or — with STAMPDESK_CLOUD_STORAGE=postgres
 * and STAMPDESK_TEST_DATABASE_URL (.ci/run) — in a fresh database of the real PostgreSQL server, dropped afterwards.
 */

export type CloudStorage = 'pglite' | 'postgres';

export function cloudStorageFromEnv(): CloudStorage {
  if (process.env.STAMPDESK_CLOUD_STORAGE !== 'postgres') return 'pglite';
  if (!process.env.STAMPDESK_TEST_DATABASE_URL) throw new Error('STAMPDESK_CLOUD_STORAGE=postgres needs STAMPDESK_TEST_DATABASE_URL');
  return 'postgres';
}

/**
 * Where one test's cloud keeps its data: kept across close and start again (the cloud "down" and "back"), so the
 * schema is named (the cloud drops a schema of its own making on close).
 */
export interface CloudHome {
  storage: CloudStorage;
  options: { dataDir?: string; databaseUrl?: string; schema: string };
  dispose(): Promise<void>;
}

export async function makeCloudHome(storage: CloudStorage = cloudStorageFromEnv()): Promise<CloudHome> {
  if (storage === 'pglite') {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'stampdesk-cloud-'));
    fs.cpSync(await pgliteTemplate(), dataDir, { recursive: true });
    return { storage, options: { dataDir, schema: 'cloud' }, dispose: async () => fs.rmSync(dataDir, { recursive: true, force: true }) };
  }
  const adminUrl = process.env.STAMPDESK_TEST_DATABASE_URL!;
  const name = `stampdesk_t_${crypto.randomBytes(6).toString('hex')}`;
  await withAdmin(adminUrl, (client) => client.query(`CREATE DATABASE ${name}`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    storage,
    options: { databaseUrl: url.toString(), schema: 'cloud' },
    dispose: () => withAdmin(adminUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
  };
}

let template: Promise<string> | null = null;

/**
 * A PGlite folder with the cloud's tables and nothing else: a fresh folder takes PGlite many seconds to initialise,
 * a copy of this one opens at once. Kept in the temp folder under a name made from the cloud's schema and PGlite's
 * version (a changed schema makes a new one); built aside and renamed into place, so parallel test processes never
 * see half of one.
 */
function pgliteTemplate(): Promise<string> {
  template ??= (async () => {
    const hash = crypto.createHash('sha256');
    for (const file of ['tests/support/cloud/schema.ts', 'tests/support/cloud/storage.ts', 'node_modules/@electric-sql/pglite/package.json']) {
      hash.update(fs.readFileSync(path.resolve(file)));
    }
    const dir = path.join(os.tmpdir(), `stampdesk-cloud-template-${hash.digest('hex').slice(0, 16)}`);
    if (fs.existsSync(dir)) return dir;
    const building = fs.mkdtempSync(`${dir}-building-`);
    const cloud = await startCloud({ port: 0, dataDir: building, schema: 'cloud' });
    await cloud.close();
    try {
      fs.renameSync(building, dir);
    } catch {
      // another test process put its copy in place first
      fs.rmSync(building, { recursive: true, force: true });
    }
    return dir;
  })();
  return template;
}

async function withAdmin<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export interface Pc {
  readonly name: string;
  /** The seat every call of this PC acts as (it shows in history and conflicts). */
  readonly seat: string;
  readonly dataDir: string;
  core(): Core;
  /** Calls an API method as this PC's seat; throws with the error when it fails. */
  value<T = unknown>(method: string, input?: unknown): Promise<T>;
  call(method: string, input?: unknown): ReturnType<Core['call']>;
  status(): Promise<SyncStatus>;
  /** Closes the core and opens the same data folder again (the app restarted). */
  restart(): Promise<void>;
  /** Closes the core, keeping its folder (another process may open it, e.g. tests/support/sync-child.ts). */
  stop(): void;
  /** Opens the folder again after `stop`. */
  start(): void;
  close(): void;
}

export interface PcOptions {
  /** Background push/pull loop (default off: tests sync with syncNow/syncUntilQuiet). */
  autoStart?: boolean;
  now?: () => number;
  longPollSeconds?: number;
}

export interface Shop {
  cloud: Cloud;
  home: CloudHome;
  apiKey: string;
  shopId: string;
  pcs: Pc[];
  /** Stops the cloud, keeping its data (the cloud "down"); `cloudUp` brings it back on the same port. */
  cloudDown(): Promise<void>;
  cloudUp(): Promise<void>;
  /** A further PC (a new install) configured for this shop. */
  addPc(name: string, options?: PcOptions): Promise<Pc>;
  close(): Promise<void>;
}

const TEST_SYNC = TEST_SYNC_OPTIONS;

export async function startShop(names: string[] = ['Till A', 'Till B'], options: PcOptions = {}): Promise<Shop> {
  const home = await makeCloudHome();
  let cloud = await startCloud({ port: 0, ...home.options });
  const { shopId, apiKey } = await cloud.createShop('Harness Coffee');
  const pcs: Pc[] = [];
  const shop: Shop = {
    get cloud() {
      return cloud;
    },
    home,
    apiKey,
    shopId,
    pcs,
    async cloudDown() {
      await cloud.close();
    },
    async cloudUp() {
      cloud = await startCloud({ port: cloud.port, ...home.options });
    },
    async addPc(name, pcOptions = options) {
      const pc = await openPc(name, cloud.url, apiKey, pcOptions);
      pcs.push(pc);
      return pc;
    },
    async close() {
      for (const pc of pcs) pc.close();
      await cloud.close().catch(() => undefined);
      await home.dispose();
    },
  };
  for (const name of names) await shop.addPc(name);
  return shop;
}

export async function openPc(name: string, url: string, apiKey: string, options: PcOptions = {}): Promise<Pc> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'stampdesk-pc-'));
  const open = () =>
    createCore({
      dataDir,
      migrationsDir: MIGRATIONS_DIR,
      version: 't',
      expirySweepMs: 0,
      ...(options.now ? { now: options.now } : {}),
      sync: { ...TEST_SYNC, longPollSeconds: options.longPollSeconds ?? TEST_SYNC.longPollSeconds, autoStart: options.autoStart ?? false },
    } as CoreOptions);
  let core: Core | null = open();
  const seat = name;
  const call = (method: string, input: unknown = {}) => {
    if (!core) throw new Error(`${name} is closed`);
    return core.call(method, input, seat);
  };
  const value = async <T>(method: string, input: unknown = {}): Promise<T> => {
    const result = await call(method, input);
    if (!result.ok) throw new Error(`${name} ${method}: ${result.error.code} ${result.error.message}`);
    return result.value as T;
  };
  await value('settings.set', { seatName: seat });
  await value('sync.configure', { url, apiKey, enabled: true });
  return {
    name,
    seat,
    dataDir,
    core: () => {
      if (!core) throw new Error(`${name} is closed`);
      return core;
    },
    call,
    value,
    status: () => value<SyncStatus>('sync.status'),
    async restart() {
      core?.close();
      core = open();
    },
    stop() {
      core?.close();
      core = null;
    },
    start() {
      core ??= open();
    },
    close() {
      core?.close();
      core = null;
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** One sync round on a PC: asks for a sync and waits until it is no longer syncing. */
export async function syncOnce(pc: Pc, timeoutMs = 20_000): Promise<SyncStatus> {
  let status = await pc.value<SyncStatus>('sync.now');
  const until = Date.now() + timeoutMs;
  while (status.state === 'syncing') {
    if (Date.now() > until) throw new Error(`${pc.name}: still syncing after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
    status = await pc.status();
  }
  return status;
}

/**
 * Syncs the PCs round after round until a whole round changes nothing anywhere: every PC synced, nothing pending,
 * and no PC's cards, vouchers or history changed. Throws (with each PC's status) when that does not happen.
 */
export async function syncUntilQuiet(pcs: Pc[], maxRounds = 12): Promise<void> {
  let before = pcs.map((pc) => JSON.stringify(snapshotOfPc(pc.core().db)));
  const statuses: SyncStatus[] = [];
  for (let round = 0; round < maxRounds; round++) {
    statuses.length = 0;
    for (const pc of pcs) statuses.push(await syncOnce(pc));
    const after = pcs.map((pc) => JSON.stringify(snapshotOfPc(pc.core().db)));
    const settled = statuses.every((s) => s.state === 'synced' && s.pending === 0);
    if (settled && after.every((snap, i) => snap === before[i])) return;
    before = after;
  }
  const detail = statuses.map((s, i) => `${pcs[i]!.name}: ${s.state} pending ${s.pending} error ${JSON.stringify(s.error)}`).join('; ');
  throw new Error(`sync did not settle in ${maxRounds} rounds: ${detail}`);
}

/** Each PC's cards, vouchers, stamps, redemptions and history next to the cloud's (for `expect(…).toEqual`). */
export async function snapshots(shop: Shop): Promise<{ cloud: SyncSnapshot; pcs: Record<string, SyncSnapshot> }> {
  const cloud = snapshotOfCloud(await shop.cloud.snapshot(shop.apiKey));
  return { cloud, pcs: Object.fromEntries(shop.pcs.map((pc) => [pc.name, snapshotOfPc(pc.core().db)])) };
}

/** The PCs' snapshots, each expected to equal the cloud's: `expect(await converged(shop)).toEqual(sameAsCloud(…))`. */
export async function expectConverged(shop: Shop, expectEqual: (actual: unknown, expected: unknown) => void): Promise<SyncSnapshot> {
  const { cloud, pcs } = await snapshots(shop);
  for (const [name, snapshot] of Object.entries(pcs)) expectEqual({ pc: name, ...snapshot }, { pc: name, ...cloud });
  return cloud;
}

export const CSV_HEADER = 'card_id,name,email,phone,template_id,template_version,stamps,goal,platforms,created_at,last_stamp_at';

/** CSV rows for `cards.importCsv`: cards numbered from `first`, on the demo template (1024 v2, goal 8). */
export function cardsCsv(first: number, count: number, namePrefix = 'Customer'): string {
  const rows = [CSV_HEADER];
  for (let i = 0; i < count; i++) rows.push(`${first + i},${namePrefix} ${i + 1},c${first + i}@example.com,,1024,2,0,8,web,2026-01-10T09:00:00Z,`);
  return `${rows.join('\n')}\n`;
}

/** A shop for each test of the surrounding describe, closed (PCs, cloud and its data) after it. */
export function useShop(names?: string[], options?: PcOptions): () => Shop {
  let shop: Shop | null = null;
  beforeEach(async () => {
    shop = await startShop(names, options);
  }, 120_000);
  afterEach(async () => {
    await shop?.close();
    shop = null;
  }, 60_000);
  return () => {
    if (!shop) throw new Error('useShop: the shop exists only inside a test');
    return shop;
  };
}

/** Cards that customers saved in their wallets (made in the cloud, as the world does); returns their numbers. */
export async function walletCards(shop: Shop, count: number, namePrefix = 'Wallet'): Promise<number[]> {
  const numbers: number[] = [];
  for (let i = 0; i < count; i++) numbers.push((await shop.cloud.simulate.cardSaved(shop.apiKey, { name: `${namePrefix} ${i + 1}`, email: `w${i + 1}@example.com` })).number);
  return numbers;
}
