import { randomBytes } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { DDL, meta } from './schema';

/** A drizzle database or transaction on either driver (a transaction is a database too). */
export type Db = PgDatabase<PgQueryResultHKT, Record<string, never>>;

export interface Storage {
  kind: 'pglite' | 'postgres';
  db: Db;
  /** This data's epoch: made once when the tables are created; a new epoch means the data started over. */
  epoch: string;
  /** Called inside a writing transaction: the shop's waiting pulls wake once it commits. */
  signal(tx: Db, shopId: string): Promise<void>;
  /** Called after the commit (PGlite: the in-process notifier; PostgreSQL: LISTEN/NOTIFY already did it). */
  committed(shopId: string): void;
  /** Shop ids whose data changed arrive here. */
  changes: EventEmitter;
  /** Closes connections; `dropSchema` removes a schema this cloud made for itself (tests). */
  close(dropSchema?: boolean): Promise<void>;
}

export interface StorageOptions {
  dataDir?: string;
  databaseUrl?: string;
  /** PostgreSQL schema to keep the tables in. */
  schema: string;
  /** An in-memory PGlite to reuse across a restart (same data). */
  pglite?: PGlite;
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

async function ensureEpoch(db: Db): Promise<string> {
  await db.insert(meta).values({ key: 'epoch', value: randomBytes(6).toString('hex') }).onConflictDoNothing();
  const [row] = await db.select().from(meta).where(sql`${meta.key} = 'epoch'`);
  return row!.value;
}

export async function openPglite(options: StorageOptions): Promise<Storage & { client: PGlite }> {
  const client = options.pglite ?? (options.dataDir ? new PGlite(options.dataDir) : new PGlite());
  await client.waitReady;
  await client.exec(DDL);
  const db = drizzlePglite({ client }) as unknown as Db;
  const emitter = new EventEmitter();
  emitter.setMaxListeners(0);
  return {
    kind: 'pglite',
    client,
    db,
    epoch: await ensureEpoch(db),
    changes: emitter,
    signal: async () => {},
    committed: (shopId) => emitter.emit('change', shopId),
    close: async () => {
      // An in-memory database stays alive for a restart; the caller closes it at the very end.
      if (!options.pglite && options.dataDir) await client.close();
    },
  };
}

export async function openPostgres(options: StorageOptions & { databaseUrl: string }): Promise<Storage> {
  if (!SCHEMA_NAME.test(options.schema)) throw new Error(`bad schema name ${options.schema}`);
  const setup = new pg.Client({ connectionString: options.databaseUrl });
  await setup.connect();
  try {
    await setup.query(`CREATE SCHEMA IF NOT EXISTS ${options.schema}`);
    await setup.query(`SET search_path TO ${options.schema}`);
    await setup.query(DDL);
  } finally {
    await setup.end();
  }
  const pool = new pg.Pool({ connectionString: options.databaseUrl, max: 10, options: `-c search_path=${options.schema}` });
  pool.on('error', () => {}); // a connection cut by a restart of the server; the next query reconnects
  const db = drizzlePg({ client: pool }) as unknown as Db;
  const channel = `stampdesk_${options.schema}`;
  const emitter = new EventEmitter();
  emitter.setMaxListeners(0);
  const listener = new pg.Client({ connectionString: options.databaseUrl });
  listener.on('error', () => {});
  await listener.connect();
  listener.on('notification', (note) => {
    if (note.channel === channel && note.payload) emitter.emit('change', note.payload);
  });
  await listener.query(`LISTEN ${channel}`);
  return {
    kind: 'postgres',
    db,
    epoch: await ensureEpoch(db),
    changes: emitter,
    signal: async (tx, shopId) => {
      await tx.execute(sql`SELECT pg_notify(${channel}, ${shopId})`);
    },
    committed: () => {},
    close: async (dropSchema) => {
      await listener.end().catch(() => {});
      if (dropSchema) await pool.query(`DROP SCHEMA IF EXISTS ${options.schema} CASCADE`).catch(() => {});
      await pool.end();
    },
  };
}
