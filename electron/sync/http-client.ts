import type { z } from 'zod';
import {
  DEVICE_HEADER,
  errorResponse,
  infoResponse,
  PROTOCOL_HEADER,
  pullResponse,
  pushResponse,
  SYNC_PROTOCOL_VERSION,
  type InfoResponse,
  type PullResponse,
  type PushEntry,
  type PushResponse,
} from '../../shared/schemas/sync-protocol';
import { checkCloudUrl } from './cloud-url';
import { reasonOf, SyncFailure } from './sync-failure';

export type FetchLike = typeof fetch;

export interface CloudClientOptions {
  url: string;
  apiKey: string;
  deviceId: string;
  fetch?: FetchLike;
  /** How long one request may take beyond a long-poll's wait (default 15 s). */
  timeoutMs?: number;
}

export interface PullRequest {
  cursor: string | null;
  limit?: number;
  /** Long-poll: seconds the server may hold the request when nothing is new (≤ 25). */
  wait?: number;
}

export interface CloudClient {
  readonly host: string;
  info(signal?: AbortSignal): Promise<InfoResponse>;
  /** A 409 with `expectedSeq` is a normal reply here (the server is behind): the caller resends from that seq. */
  push(entries: PushEntry[], signal?: AbortSignal): Promise<PushResponse>;
  pull(request: PullRequest, signal?: AbortSignal): Promise<PullResponse>;
}

export const DEFAULT_REQUEST_TIMEOUT_MS = 15_000;

const TLS_CODES = /^(CERT_|ERR_TLS_|ERR_SSL_|UNABLE_TO_|DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN|EPROTO|HOSTNAME_MISMATCH)/;

/** The error code under fetch's `TypeError: fetch failed` (undici puts the socket's error in `cause`). */
function causeCode(error: unknown): string {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current; depth += 1) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && code !== 'UND_ERR_SOCKET') return code;
    current = (current as { cause?: unknown }).cause;
  }
  return '';
}

/**
 * The HTTP client of the sync protocol (shared/schemas/sync-protocol.ts): bearer key, device and protocol headers,
 * a time limit on every request, every reply parsed with the protocol's zod schemas. Failures become a SyncFailure
 * with a reason the Sync section can show; none of them carries the key.
 */
export function createCloudClient(options: CloudClientOptions): CloudClient {
  const checked = checkCloudUrl(options.url);
  if (!checked.ok) throw new SyncFailure(checked.reason, false);
  const { base, host } = checked;
  const doFetch = options.fetch ?? fetch;
  const timeoutMs = options.timeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;

  async function request<T>(path: string, init: { method: 'GET' | 'POST'; body?: unknown; waitMs?: number; signal?: AbortSignal }, schema: z.ZodType<T>, okStatuses: number[] = [200]): Promise<T> {
    const limitMs = timeoutMs + (init.waitMs ?? 0);
    const timer = AbortSignal.timeout(limitMs);
    const signal = init.signal ? AbortSignal.any([timer, init.signal]) : timer;
    let response: Response;
    let text: string;
    try {
      response = await doFetch(`${base}${path}`, {
        method: init.method,
        headers: {
          authorization: `Bearer ${options.apiKey}`,
          [DEVICE_HEADER]: options.deviceId,
          [PROTOCOL_HEADER]: String(SYNC_PROTOCOL_VERSION),
          accept: 'application/json',
          ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: init.body === undefined ? undefined : JSON.stringify(init.body),
        signal,
        redirect: 'error',
      });
      text = await response.text();
    } catch (error) {
      if (init.signal?.aborted) throw init.signal.reason ?? error;
      if (timer.aborted) throw new SyncFailure(reasonOf('sync.timeout', { host, seconds: Math.round(limitMs / 1000) }), true);
      const code = causeCode(error);
      if (TLS_CODES.test(code)) throw new SyncFailure(reasonOf('sync.tls', { host, detail: code }), false);
      throw new SyncFailure(reasonOf('sync.noAnswer', { host }), true);
    }
    if (response.status === 401 || response.status === 403) throw new SyncFailure(reasonOf('sync.wrongKey'), false);
    if (response.status === 426) {
      const server = serverProtocol(response.headers.get(PROTOCOL_HEADER), text);
      throw new SyncFailure(
        server === null ? reasonOf('sync.otherVersion', { ours: SYNC_PROTOCOL_VERSION }) : reasonOf('sync.wrongVersion', { server, ours: SYNC_PROTOCOL_VERSION }),
        false,
      );
    }
    if (!okStatuses.includes(response.status)) {
      if (response.status >= 500 || response.status === 429 || isErrorBody(text)) {
        throw new SyncFailure(reasonOf('sync.serverError', { status: response.status }), false);
      }
      throw new SyncFailure(reasonOf('sync.notStampdesk', { host }), false);
    }
    let parsed: ReturnType<typeof schema.safeParse> | null = null;
    try {
      parsed = schema.safeParse(JSON.parse(text));
    } catch {
      parsed = null;
    }
    if (!parsed?.success) throw new SyncFailure(reasonOf('sync.notStampdesk', { host }), false);
    return parsed.data;
  }

  return {
    host,
    info: (signal) => request('/v1/info', { method: 'GET', signal }, infoResponse),
    push: (entries, signal) => request('/v1/push', { method: 'POST', body: { entries }, signal }, pushResponse, [200, 409]),
    pull: ({ cursor, limit, wait }, signal) => {
      const query = new URLSearchParams();
      if (cursor !== null) query.set('cursor', cursor);
      if (limit !== undefined) query.set('limit', String(limit));
      if (wait !== undefined && wait > 0) query.set('wait', String(wait));
      const suffix = query.size > 0 ? `?${query.toString()}` : '';
      return request(`/v1/pull${suffix}`, { method: 'GET', waitMs: (wait ?? 0) * 1000, signal }, pullResponse);
    },
  };
}

function isErrorBody(text: string): boolean {
  try {
    return errorResponse.safeParse(JSON.parse(text)).success;
  } catch {
    return false;
  }
}

/** The protocol a 426 reply says the server speaks: its protocol header, or a `protocol` number in its body. */
function serverProtocol(header: string | null, text: string): number | null {
  if (header !== null && /^\d+$/.test(header.trim())) return Number(header);
  try {
    const body = JSON.parse(text) as { protocol?: unknown };
    return typeof body.protocol === 'number' && Number.isInteger(body.protocol) ? body.protocol : null;
  } catch {
    return null;
  }
}
