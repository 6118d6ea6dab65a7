import { DEVICE_HEADER, PROTOCOL_HEADER, SYNC_PROTOCOL_VERSION, type PullResponse, type PushEntry, type PushResponse } from '../../../shared/schemas/sync-protocol';

/** A bare protocol client for tests of the reference cloud: real HTTP, no retries, replies as they come. */
export interface Reply<T> {
  status: number;
  body: T;
}

export function cloudClient(url: string, apiKey: string, deviceId: string, extraHeaders: Record<string, string> = {}) {
  const headers = { authorization: `Bearer ${apiKey}`, [PROTOCOL_HEADER]: String(SYNC_PROTOCOL_VERSION), [DEVICE_HEADER]: deviceId, ...extraHeaders };
  const call = async <T>(method: string, path: string, body?: unknown): Promise<Reply<T>> => {
    const res = await fetch(`${url}${path}`, {
      method,
      headers: body === undefined ? headers : { ...headers, 'content-type': 'application/json' },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as T };
  };
  return {
    info: () => call<{ protocol: number; shopName: string; serverTime: number }>('GET', '/v1/info'),
    push: (entries: PushEntry[] | unknown) => call<PushResponse>('POST', '/v1/push', Array.isArray(entries) ? { entries } : entries),
    pull: (params: { cursor?: string | null; limit?: number; wait?: number } = {}) => {
      const query = new URLSearchParams();
      if (params.cursor) query.set('cursor', params.cursor);
      if (params.limit !== undefined) query.set('limit', String(params.limit));
      if (params.wait !== undefined) query.set('wait', String(params.wait));
      return call<PullResponse>('GET', `/v1/pull?${query}`);
    },
    /** Pulls pages until `hasMore` is false; the changes in order and the last cursor. */
    pullAll: async (cursor: string | null = null, limit?: number) => {
      const changes: PullResponse['changes'] = [];
      let pages = 0;
      for (;;) {
        const reply = await call<PullResponse>('GET', `/v1/pull?${new URLSearchParams({ ...(cursor ? { cursor } : {}), ...(limit ? { limit: String(limit) } : {}) })}`);
        if (reply.status !== 200) throw new Error(`pull ${reply.status} ${JSON.stringify(reply.body)}`);
        changes.push(...reply.body.changes);
        cursor = reply.body.cursor;
        pages++;
        if (!reply.body.hasMore) return { changes, cursor, pages };
      }
    },
  };
}
export type CloudClient = ReturnType<typeof cloudClient>;
