import type http from 'node:http';
import { DEVICE_HEADER, PROTOCOL_HEADER, SYNC_PROTOCOL_VERSION, pushRequest, type InfoResponse, type PushResponse } from '../../../shared/schemas/sync-protocol';
import type { Storage } from './storage';
import type { Faults } from './faults';
import { DropConnection, HttpError, readJson, sendJson, sendRawJson } from './http';
import { shopByKey, type Shop } from './shops';
import { push } from './push';
import { BadCursor, DEFAULT_PULL_LIMIT, MAX_PULL_LIMIT, pull, rawPageJson, type RawPage } from './pull';

/** The protocol's routes: GET /v1/info, POST /v1/push, GET /v1/pull (docs/SYNC.md). */
export interface ApiContext {
  storage(): Storage;
  faults: Faults;
  now(): number;
  /** True while the server shuts down (restart): a push not yet begun is cut, as by a crash. */
  stopping(): boolean;
  /** Test hook: runs inside each push transaction just before it commits (a throw rolls it back). */
  beforePushCommit?: (shopId: string) => Promise<void>;
}

const DEVICE_ID = /^[A-Za-z0-9._:-]{1,200}$/;

function header(req: http.IncomingMessage, name: string): string | null {
  const value = req.headers[name];
  return typeof value === 'string' ? value : null;
}

async function authenticate(ctx: ApiContext, req: http.IncomingMessage): Promise<Shop> {
  if (header(req, PROTOCOL_HEADER) !== String(SYNC_PROTOCOL_VERSION)) {
    throw new HttpError(426, 'protocolVersion', `this server speaks protocol ${SYNC_PROTOCOL_VERSION} (header ${PROTOCOL_HEADER})`, {
      protocol: SYNC_PROTOCOL_VERSION,
    });
  }
  const match = /^Bearer (\S+)$/.exec(header(req, 'authorization') ?? '');
  const shop = match ? await shopByKey(ctx.storage().db, match[1]!) : null;
  if (!shop) throw new HttpError(401, 'unauthorized', 'unknown API key');
  return shop;
}

function deviceOf(req: http.IncomingMessage): string {
  const device = header(req, DEVICE_HEADER);
  if (!device || !DEVICE_ID.test(device)) throw new HttpError(400, 'badDevice', `header ${DEVICE_HEADER} missing or not a device id`);
  return device;
}

function intParam(params: URLSearchParams, name: string, fallback: number, max: number): number {
  const raw = params.get(name);
  if (raw === null || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new HttpError(400, 'badRequest', `bad ${name}`);
  return Math.min(value, max);
}

async function handlePush(ctx: ApiContext, req: http.IncomingMessage, res: http.ServerResponse, abort: AbortSignal, shop: Shop): Promise<void> {
  const deviceId = deviceOf(req);
  const parsed = pushRequest.safeParse(await readJson(req));
  if (!parsed.success) throw new HttpError(400, 'badBody', parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
  const entries = parsed.data.entries;
  // The delay comes after the body arrived: a PC that gives up meanwhile (a timeout) still has its push committed.
  await ctx.faults.delay();
  if (ctx.stopping()) throw new DropConnection('server stopping');
  const cutAfter = ctx.faults.takeMidwayCut(entries.length);
  const result = await push(ctx.storage(), shop.id, deviceId, entries, ctx.now(), { cutAfter, cut: () => new DropConnection('cut midway'), beforeCommit: ctx.beforePushCommit });
  if (abort.aborted) throw new DropConnection('connection gone');
  const reply: PushResponse = { outcomes: result.outcomes, lastSeq: result.lastSeq, expectedSeq: result.expectedSeq };
  if (result.stoppedBy !== null && result.outcomes.length === 0) {
    throw new HttpError(503, 'unavailable', 'the entry could not be applied now; send it again');
  }
  if (ctx.faults.current.dropReplyAfterCommit) throw new DropConnection('reply dropped');
  if (result.expectedSeq !== null && result.outcomes.length === 0) {
    throw new HttpError(409, 'seqGap', `expected seq ${result.expectedSeq}`, reply as unknown as Record<string, unknown>);
  }
  sendJson(res, 200, reply);
}

async function handlePull(ctx: ApiContext, url: URL, res: http.ServerResponse, abort: AbortSignal, shop: Shop): Promise<void> {
  const limit = Math.max(1, intParam(url.searchParams, 'limit', DEFAULT_PULL_LIMIT, MAX_PULL_LIMIT));
  const waitSeconds = intParam(url.searchParams, 'wait', 0, 25);
  let reply: RawPage;
  try {
    reply = await pull(ctx.storage(), shop.id, { cursor: url.searchParams.get('cursor'), limit, waitSeconds, abort });
  } catch (error) {
    if (error instanceof BadCursor) throw new HttpError(400, 'badCursor', error.message);
    throw error;
  }
  if (abort.aborted) return;
  if (ctx.faults.current.dropReplyAfterCommit) throw new DropConnection('reply dropped');
  sendRawJson(res, 200, rawPageJson({ ...reply, changes: ctx.faults.deliver(reply.changes) }));
}

export async function handleApi(ctx: ApiContext, req: http.IncomingMessage, res: http.ServerResponse, abort: AbortSignal, url: URL): Promise<void> {
  if (req.method !== 'POST') await ctx.faults.delay();
  const injected = ctx.faults.injectedStatus();
  if (injected !== null) throw new HttpError(injected, 'injected', `fault: status ${injected}`);
  const route = `${req.method} ${url.pathname}`;
  if (!['GET /v1/info', 'POST /v1/push', 'GET /v1/pull'].includes(route)) throw new HttpError(404, 'notFound', `no route ${route}`);
  const shop = await authenticate(ctx, req);
  if (route === 'GET /v1/info') {
    const info: InfoResponse = { protocol: SYNC_PROTOCOL_VERSION, shopName: shop.name, serverTime: ctx.now() };
    return sendJson(res, 200, info);
  }
  if (route === 'POST /v1/push') return handlePush(ctx, req, res, abort, shop);
  return handlePull(ctx, url, res, abort, shop);
}
