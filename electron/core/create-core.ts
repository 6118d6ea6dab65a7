import { openDatabase, type Db } from '../db/client';
import { createAppInfoHandlers } from '../app-info/handlers';
import { createSettingsHandlers } from '../settings/handlers';
import { createCardsHandlers } from '../cards/handlers';
import { syncPhoneSearch } from '../cards/phone-search';
import { createImageHandlers } from '../images/handlers';
import { getSettings, setSystemLocale } from '../settings/settings-service';
import { pickLocale } from '../../shared/domain/locales';
import { createVoucherHandlers } from '../vouchers/handlers';
import { sourceWorkerSpawner } from '../isolation/spawn-node';
import { createWorkerHost, type WorkerHost, type WorkerHostOptions } from '../isolation/worker-host';
import { createScanHandlers } from '../scan/handlers';
import { createDemoHandlers } from '../demo/handlers';
import { startExpirySweeps } from '../vouchers/expiry-timer';
import { createPrintingHandlers } from '../printing/handlers';
import { createPrintQueue, DEFAULT_DELAYS, type QueueDelays } from '../printing/queue/print-queue';
import { createReceiptDrawer } from '../printing/receipt-drawer';
import type { SystemPrinter } from '../printing/system/system-printer';
import { DEFAULT_TIMEOUTS, type TransportTimeouts } from '../printing/transport/printer-connection';
import path from 'node:path';
import { createSyncEngine } from '../sync/engine';
import { readSyncConfig } from '../sync/sync-config';
import { createSyncHandlers } from '../sync/handlers';
import { createOnlineRedeem } from '../sync/online-redeem';
import { createFileKeyStore, type KeyStore } from '../sync/key-store';
import type { FetchLike } from '../sync/http-client';
import { createDispatcher } from './dispatch';
import { createProgressBoard } from './progress-board';
import type { CallContext, Handlers } from './handler-types';

export interface CoreOptions {
  dataDir: string;
  migrationsDir: string;
  version: string;
  /** Clock for tests; defaults to Date.now. */
  now?: () => number;
  /** Where fonts and artwork live (resources/); defaults to ./resources. */
  resourcesDir?: string;
  /** Opens an address in the default browser; the Electron host passes shell.openExternal. */
  openExternal?: (url: string) => Promise<void>;
  /** The computer's preferred languages, best first (BCP 47): the first Stampdesk speaks is the default language. */
  systemLocales?: readonly string[];
  /** How often expired vouchers are swept in the background (default a minute); 0 turns it off. */
  expirySweepMs?: number;
  /**
   * The isolated process that reads pictures and draws coupons (electron/isolation/), started on first use. Hosts
   * say how to start it (Electron: a utility process; the browser host: a Node child running the built worker); by
   * default it runs from source through tsx (tests, tools). Tests narrow its memory cap and time limits here.
   */
  worker?: Partial<WorkerHostOptions>;
  /** Prints on printers installed in the OS (the Electron host); without one, the browser prints them. */
  systemPrinter?: SystemPrinter;
  /** The print queue's timeouts and pauses (tests shorten them); defaults in transport/ and queue/. */
  printing?: { timeouts?: Partial<TransportTimeouts>; delays?: Partial<QueueDelays> };
  /**
   * Sync with the cloud card service (electron/sync/). The key store: Electron passes safeStorage's; by default a
   * file only this user can read in the data folder. Tests shorten the backoff steps and the long-poll, and may keep
   * the background loop off (`autoStart: false`: sync happens on sync.now).
   */
  sync?: { keyStore?: KeyStore; backoffMs?: number[]; longPollSeconds?: number; autoStart?: boolean; fetch?: FetchLike };
}

export interface Core {
  /** The isolated process that reads pictures and draws coupons (electron/isolation/); its pid, once started. */
  readonly worker: Pick<WorkerHost, 'pid'>;
  readonly db: Db;
  readonly dataDir: string;
  readonly handlers: Handlers;
  /** Calls one API method as `seat`; never throws. */
  call(method: unknown, input: unknown, seat?: string): ReturnType<ReturnType<typeof createDispatcher>>;
  close(): void;
}

/** The application core: the database plus the handler map. Hosted by Electron or the browser host. */
export function createCore(options: CoreOptions): Core {
  const db = openDatabase({ dataDir: options.dataDir, migrationsDir: options.migrationsDir });
  // phone search forms in step with the shop's country (filled here on the first start after the upgrade)
  syncPhoneSearch(db);
  setSystemLocale(db, pickLocale(options.systemLocales ?? []));
  const worker = createWorkerHost({ ...options.worker, spawn: options.worker?.spawn ?? sourceWorkerSpawner() });
  // how far long calls (large imports and batches) are, by the operation id their caller gave
  const progress = createProgressBoard();
  const now = options.now ?? Date.now;
  const resourcesDir = options.resourcesDir ?? path.resolve('resources');
  const timeouts = { ...DEFAULT_TIMEOUTS, ...options.printing?.timeouts };
  const drawer = createReceiptDrawer(worker, resourcesDir);
  const systemPrinter = options.systemPrinter ?? null;
  const printQueue = createPrintQueue({ db, drawer, systemPrinter, now, timeouts }, { ...DEFAULT_DELAYS, ...options.printing?.delays });
  const keyStore = options.sync?.keyStore ?? createFileKeyStore(options.dataDir);
  const syncEngine = createSyncEngine({
    db,
    keyStore,
    now,
    fetch: options.sync?.fetch,
    backoffMs: options.sync?.backoffMs,
    longPollSeconds: options.sync?.longPollSeconds,
    background: options.sync?.autoStart ?? true,
  });
  const handlers = {
    ...createAppInfoHandlers({ db, version: options.version, dataDir: options.dataDir }),
    'operations.progress': ({ id }) => progress.read(id),
    ...createSettingsHandlers(db),
    ...createCardsHandlers({ db, openExternal: options.openExternal }),
    ...createImageHandlers(db, worker),
    ...createVoucherHandlers(db, resourcesDir, worker, createOnlineRedeem(db, syncEngine)),
    ...createScanHandlers(db),
    ...createDemoHandlers(db),
    ...createPrintingHandlers({ db, drawer, queue: printQueue, canPrintSystem: systemPrinter !== null, timeouts }),
    ...createSyncHandlers({ db, engine: syncEngine, keyStore, fetch: options.sync?.fetch }),
  } satisfies Handlers;
  const dispatch = createDispatcher(handlers, console.error, progress);
  const stopSweeps = options.expirySweepMs === 0 ? () => {} : startExpirySweeps(db, now, options.expirySweepMs);
  // jobs cut off by the last run become uncertain; queued and waiting ones go on
  printQueue.start();
  // the sync loop runs while sync is on (it idles without CPU when off or caught up)
  if (readSyncConfig(db).enabled) syncEngine.start();
  return {
    db,
    worker,
    dataDir: options.dataDir,
    handlers,
    // every call acts as this workstation's seat (Settings), unless a host names another
    call: (method, input, seat) => dispatch(method, input, { seat: seat ?? getSettings(db).seatName, now } satisfies CallContext),
    close: () => {
      void syncEngine.stop();
      stopSweeps();
      printQueue.stop();
      worker.close();
      db.close();
    },
  };
}
