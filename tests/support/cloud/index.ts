import { randomBytes } from 'node:crypto';
import type { PGlite } from '@electric-sql/pglite';
import type { WireCard, WireEvent, WireVoucher } from '../../../shared/schemas/sync-protocol';
import { openPglite, openPostgres, type Storage } from './storage';
import { Faults, type CloudFaults } from './faults';
import { HttpError, listen, shutdown, type Listening } from './http';
import { handleApi } from './api';
import { handleAdmin } from './admin';
import { createShop, shopByKey } from './shops';
import { cardSaved, cardsSaved, pushDelivered, stampInWallet } from './simulate';
import { shopMessages, shopSnapshot, type Message } from './entities';

/**
 * The reference cloud card service (docs/SYNC.md): speaks shared/schemas/sync-protocol.ts on 127.0.0.1 for any
 * number of shops and devices, stores in PostgreSQL through drizzle (pg-core) — embedded PGlite by default (in
 * memory, or files in `dataDir`), a real PostgreSQL server with `databaseUrl` — and can act as the world
 * (`simulate`) and misbehave on purpose (`faults`).
 *
 * Faults (all off by default; `faults.set` merges, `faults.clear` turns all off; also PUT/DELETE /admin/faults):
 *   errorRate, status      answer `status` (500) to that share of requests, or to all when only `status` is set
 *   delayMs                wait before handling each request
 *   dropReplyAfterCommit   handle (commit) and then destroy the connection instead of answering
 *   duplicateDeliveries    every pulled change twice in its page
 *   reorderPulls           a pulled page's changes shuffled (each carries its version)
 *   failNextPushMidway     the next push commits about half its entries, then its connection is cut (one-shot)
 * `restart()` stops and starts on the same port and data, cutting whatever is in flight (a push loses its reply
 * after the entries committed so far).
 */
export type { CloudFaults } from './faults';

export interface CloudOptions {
  /** 0 or absent: any free port. */
  port?: number;
  /** PGlite's files; absent: in memory (kept across `restart()`, gone after `close()`). */
  dataDir?: string;
  /** A real PostgreSQL server instead of PGlite. */
  databaseUrl?: string;
  /**
   * With `databaseUrl`: the schema to keep the tables in. Absent: a fresh schema for this cloud alone, dropped by
   * `close()` (so test runs never see each other).
   */
  schema?: string;
  /** The admin routes' token; absent: a random one (see `adminToken`). */
  adminToken?: string;
  /** The server's clock (ms); tests may move it. */
  now?: () => number;
  /**
   * Test hook: runs inside each push transaction just before its commit, holding the shop's lock (a throw rolls the
   * push back). For the cursor-gap test on PostgreSQL: hold push A open, commit B, pull, commit A, pull.
   */
  beforePushCommit?: (shopId: string) => Promise<void>;
  /** Unexpected errors (a 500 reply) are reported here; default: console.error. */
  onError?: (error: unknown) => void;
}

export interface Cloud {
  url: string;
  port: number;
  adminToken: string;
  storage: 'pglite' | 'postgres';
  /** A new shop (with the default template); `apiKey` pins its key and returns the existing shop if it has one. */
  createShop(name?: string, apiKey?: string): Promise<{ shopId: string; apiKey: string }>;
  simulate: {
    cardSaved(apiKey: string, person: { name: string; email?: string | null; phone?: string | null }): Promise<WireCard>;
    stampInWallet(apiKey: string, cardToken: string, delta?: number): Promise<void>;
    /** Many customers save cards at once (a big shop for first-sync benches): `count` cards, 1,000 per version. */
    manyCardsSaved(apiKey: string, count: number): Promise<number>;
    pushDelivered(apiKey: string, messageUid: string): Promise<void>;
  };
  faults: { set(f: Partial<CloudFaults>): void; clear(): void; current(): CloudFaults };
  snapshot(apiKey: string): Promise<{ cards: WireCard[]; vouchers: WireVoucher[]; events: WireEvent[] }>;
  /** The shop's messages (sent from a PC; `delivered` once the world says so). */
  messages(apiKey: string): Promise<Message[]>;
  restart(): Promise<void>;
  close(): Promise<void>;
}

export async function startCloud(options: CloudOptions = {}): Promise<Cloud> {
  const now = options.now ?? Date.now;
  const adminToken = options.adminToken ?? randomBytes(18).toString('base64url');
  const ownSchema = options.databaseUrl !== undefined && options.schema === undefined;
  const schema = options.schema ?? `cloud_${randomBytes(6).toString('hex')}`;
  const onError = options.onError ?? ((error: unknown) => console.error('reference cloud:', error));
  let memory: PGlite | undefined;
  let closing: Promise<void> | undefined;

  async function open(): Promise<Storage> {
    if (options.databaseUrl) return openPostgres({ databaseUrl: options.databaseUrl, schema });
    const storage = await openPglite({ dataDir: options.dataDir, schema, pglite: memory });
    if (!options.dataDir) memory = storage.client;
    return storage;
  }

  let storage = await open();
  const faults = new Faults();

  async function shopOf(apiKey: string) {
    const shop = await shopByKey(storage.db, apiKey);
    if (!shop) throw new HttpError(401, 'unauthorized', 'unknown API key');
    return shop;
  }

  const cloud: Cloud = {
    url: '',
    port: 0,
    adminToken,
    storage: storage.kind,
    createShop: (name = 'Demo shop', apiKey?: string) => createShop(storage, name, now(), apiKey),
    simulate: {
      cardSaved: async (apiKey, person) => cardSaved(storage, (await shopOf(apiKey)).id, person, now()),
      stampInWallet: async (apiKey, cardToken, delta = 1) => stampInWallet(storage, (await shopOf(apiKey)).id, cardToken, delta, now()),
      manyCardsSaved: async (apiKey, count) => {
        const { id } = await shopOf(apiKey);
        for (let done = 0; done < count; done += 1000) {
          const people = Array.from({ length: Math.min(1000, count - done) }, (_, i) => ({ name: `Customer ${done + i + 1}` }));
          await cardsSaved(storage, id, people, now());
        }
        return count;
      },
      pushDelivered: async (apiKey, messageUid) => pushDelivered(storage, (await shopOf(apiKey)).id, messageUid),
    },
    faults: { set: (f) => faults.set(f), clear: () => faults.clear(), current: () => ({ ...faults.current }) },
    snapshot: async (apiKey) => shopSnapshot(storage.db, (await shopOf(apiKey)).id),
    messages: async (apiKey) => shopMessages(storage.db, (await shopOf(apiKey)).id),
    restart: async () => {
      stopping = true;
      await shutdown(listening);
      await storage.close(false);
      storage = await open();
      stopping = false;
      listening = await serve(cloud.port);
    },
    close: () => (closing ??= (async () => {
      stopping = true;
      await shutdown(listening);
      await storage.close(ownSchema);
      if (memory) await memory.close();
    })()),
  };

  let stopping = false;
  const api = { storage: () => storage, faults, now, stopping: () => stopping, beforePushCommit: options.beforePushCommit };
  const serve = (port: number) =>
    listen(
      port,
      async (req, res, abort) => {
        const url = new URL(req.url ?? '/', 'http://127.0.0.1');
        if (url.pathname.startsWith('/admin/')) return handleAdmin(cloud, adminToken, req, res, url);
        return handleApi(api, req, res, abort, url);
      },
      onError,
    );
  let listening: Listening = await serve(options.port ?? 0);
  cloud.port = listening.port;
  cloud.url = `http://127.0.0.1:${listening.port}`;
  return cloud;
}
