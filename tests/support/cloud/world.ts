import type { WireCard } from '../../../shared/schemas/sync-protocol';

/**
 * `--simulate`: the world acts on a shop every few seconds through the admin routes (over HTTP, like a test would):
 * a customer saves a new card, a stamp is given in the wallet app, or a sent push message is delivered.
 */
const NAMES = ['Somchai Jaidee', 'Kim Min-jun', 'Aylin Məmmədova', 'Priya Patel', 'Ana Souza', 'สมหญิง ใจดี', '김서연', 'آیدین رضایی', 'રાહુલ શાહ'];

export interface World {
  stop(): void;
}

export function startWorld(options: { url: string; adminToken: string; apiKey: string; everyMs: number; log: (line: string) => void }): World {
  const call = async <T>(path: string, body: unknown): Promise<T> => {
    const res = await fetch(`${options.url}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${options.adminToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ apiKey: options.apiKey, ...(body as object) }),
    });
    if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  };
  const pick = <T>(list: T[]): T => list[Math.floor(Math.random() * list.length)]!;

  async function act(): Promise<void> {
    const { cards } = await call<{ cards: WireCard[] }>('/admin/snapshot', {});
    const live = cards.filter((c) => c.deletedAt === null);
    const messages = (await call<{ uid: string; status: string }[]>('/admin/messages', {})).filter((m) => m.status === 'sent');
    const roll = Math.random();
    if (messages.length && roll < 0.2) {
      const message = pick(messages);
      await call('/admin/simulate/push-delivered', { messageUid: message.uid });
      options.log(`world: message ${message.uid} delivered`);
    } else if (!live.length || roll < 0.5) {
      const card = await call<WireCard>('/admin/simulate/card-saved', { name: pick(NAMES) });
      options.log(`world: ${card.customer.name} saved card ${card.number}`);
    } else {
      const card = pick(live);
      await call('/admin/simulate/stamp', { cardToken: card.token, delta: 1 });
      options.log(`world: a stamp on card ${card.number} in the wallet app`);
    }
  }

  let timer: NodeJS.Timeout | null = null;
  let stopped = false;
  const tick = () => {
    void act()
      .catch((error: unknown) => options.log(`world: ${error instanceof Error ? error.message : String(error)}`))
      .finally(() => {
        if (!stopped) timer = setTimeout(tick, options.everyMs);
      });
  };
  timer = setTimeout(tick, options.everyMs);
  return {
    stop: () => {
      stopped = true;
      if (timer) clearTimeout(timer);
    },
  };
}
