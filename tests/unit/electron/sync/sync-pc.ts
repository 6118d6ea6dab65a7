import { createCore, type Core } from '../../../../electron/core/create-core';
import { makeTempDir, MIGRATIONS_DIR } from '../../../support/temp-dir';

export interface CountedPc {
  core: Core;
  /** Requests this PC sent to the cloud, by path (`/v1/pull`, `/v1/push` …), in order. */
  requests: string[];
  /**
   * The line to the cloud: `down` refuses every request as an unplugged cable would (fetch fails, nothing sent);
   * `dropNextPushReply` lets the next push reach the cloud (it commits) and then loses its reply.
   */
  line: { down: boolean; dropNextPushReply: boolean };
  value<T>(method: string, input?: unknown): Promise<T>;
  close(): void;
}

/** A PC (an app core on its own data folder) whose requests to the cloud are counted, with the loop on or off. */
export function openCountedPc(options: { autoStart: boolean; longPollSeconds?: number; backoffMs?: number[] }): CountedPc {
  const temp = makeTempDir();
  const requests: string[] = [];
  const line = { down: false, dropNextPushReply: false };
  const counting: typeof fetch = async (input, init) => {
    const path = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url).pathname;
    requests.push(path);
    if (line.down) throw new TypeError('fetch failed', { cause: Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }) });
    const response = await fetch(input, init);
    if (path === '/v1/push' && line.dropNextPushReply) {
      line.dropNextPushReply = false;
      await response.text();
      throw new TypeError('fetch failed', { cause: Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }) });
    }
    return response;
  };
  const core = createCore({
    dataDir: temp.dir,
    migrationsDir: MIGRATIONS_DIR,
    version: 't',
    expirySweepMs: 0,
    sync: { autoStart: options.autoStart, longPollSeconds: options.longPollSeconds ?? 1, backoffMs: options.backoffMs ?? [20, 50, 100], fetch: counting },
  });
  return {
    core,
    requests,
    line,
    async value<T>(method: string, input: unknown = {}) {
      const result = await core.call(method, input, 'Till A');
      if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message}`);
      return result.value as T;
    },
    close() {
      core.close();
      temp.cleanup();
    },
  };
}

export function cardsCsv(first: number, count: number, prefix = 'Customer'): string {
  const rows = ['card_id,name,email,phone,template_id,template_version,stamps,goal,platforms,created_at,last_stamp_at'];
  for (let i = 0; i < count; i++) rows.push(`${first + i},${prefix} ${i + 1},c${first + i}@example.com,,1024,2,0,8,web,2026-01-10T09:00:00Z,`);
  return `${rows.join('\n')}\n`;
}

/** Waits (politely) until `check` holds, or fails with `what` after `ms`. */
export async function until(check: () => boolean | Promise<boolean>, what: string, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
