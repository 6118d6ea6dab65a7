import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../../electron/core/create-core';
import { makeTempDir, MIGRATIONS_DIR } from '../../../support/temp-dir';

const HEADER = 'card_id,name,email,phone,template_id,template_version,stamps,goal,platforms,created_at,last_stamp_at';
const ROW = '113772,Olivia Smith,olivia@example.com,,1024,2,2,8,web,2026-01-10T09:00:00Z,';

interface HistoryItem {
  type: string;
  voucher?: { id: number; title: string; code: string | null } | null;
  data: Record<string, unknown> | null;
}

describe('card history names the voucher of each voucher event', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let core: Core;
  let now = Date.UTC(2026, 10, 23, 12);
  const value = async <T>(method: string, input: unknown): Promise<T> => {
    const result = await core.call(method, input);
    if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
    return result.value as T;
  };
  const issue = async (title: string, redeemCode: unknown, validity: unknown = { kind: 'unlimited' }) =>
    (await value<{ vouchers: Array<{ id: number; redeemCode: string | null }> }>('vouchers.issue', { cardId: 113772, title, redeemCode, validity })).vouchers[0]!;
  beforeEach(async () => {
    temp = makeTempDir();
    core = createCore({ dataDir: temp.dir, migrationsDir: MIGRATIONS_DIR, version: 't', now: () => now });
    await value('cards.importCsv', { csv: `${HEADER}\n${ROW}\n`, dryRun: false });
  });
  afterEach(() => {
    core.close();
    temp.cleanup();
  });

  it('issued, redeemed, voided and expired: each carries the title and the code', async () => {
    const coffee = await issue('Free coffee', { kind: 'static', code: 'FREECOFFEE' });
    const cake = await issue('Birthday cake', { kind: 'generated' });
    const tea = await issue('Iced tea', null, { kind: 'days', days: 1 });
    now += 1000;
    await value('vouchers.redeem', { input: 'FREECOFFEE' });
    await value('vouchers.void', { id: cake.id, reason: 'Printed twice' });
    now += 2 * 86_400_000;
    await value('vouchers.list', {}); // expiry applies before a voucher read

    const history = await value<{ items: HistoryItem[] }>('cards.history', { id: 113772 });
    const voucherEvents = history.items.filter((e) => e.type.startsWith('voucher_'));
    expect(voucherEvents.map((e) => [e.type, e.voucher])).toEqual([
      ['voucher_expired', { id: tea.id, title: 'Iced tea', code: null }],
      ['voucher_voided', { id: cake.id, title: 'Birthday cake', code: cake.redeemCode }],
      ['voucher_redeemed', { id: coffee.id, title: 'Free coffee', code: 'FREECOFFEE' }],
      ['voucher_issued', { id: tea.id, title: 'Iced tea', code: null }],
      ['voucher_issued', { id: cake.id, title: 'Birthday cake', code: cake.redeemCode }],
      ['voucher_issued', { id: coffee.id, title: 'Free coffee', code: 'FREECOFFEE' }],
    ]);
    expect(history.items.find((e) => e.type === 'card_issued')!.voucher ?? null).toBeNull();
  });

  it('events recorded before the voucher was named in them are named too (read from the voucher)', async () => {
    const coffee = await issue('Free coffee', { kind: 'static', code: 'FREECOFFEE' });
    // an event as older versions wrote it: a redemption with only the code, an expiry with nothing
    core.db.sqlite.prepare("INSERT INTO events (card_id, voucher_id, type, seat, at, data) VALUES (113772, ?, 'voucher_expired', 'system', ?, NULL)").run(coffee.id, now);
    const history = await value<{ items: HistoryItem[] }>('cards.history', { id: 113772 });
    expect(history.items[0]).toMatchObject({ type: 'voucher_expired', voucher: { id: coffee.id, title: 'Free coffee', code: 'FREECOFFEE' } });
  });

  it('the history export names the voucher in its own columns', async () => {
    await issue('Free coffee; large', { kind: 'static', code: 'FREECOFFEE' });
    const file = await value<{ csv: string }>('cards.exportHistoryCsv', { id: 113772 });
    const lines = file.csv.replace(/^\ufeff/, '').trim().split('\r\n');
    expect(lines[0]).toBe('event_id,type,at,seat,details,voucher_title,voucher_code');
    expect(lines[1]).toMatch(/^\d+,voucher_issued,.*,"Free coffee; large",FREECOFFEE$/);
  });
});
