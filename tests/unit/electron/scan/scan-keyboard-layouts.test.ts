import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../../electron/core/create-core';
import { formatRedeemCode } from '../../../../shared/domain/redeem-code';
import { typeThrough, type TypingLayout } from '../../../support/keyboard-typing';
import { makeTempDir, MIGRATIONS_DIR } from '../../../support/temp-dir';

const HEADER = 'card_id,name,email,phone,template_id,template_version,stamps,goal,platforms,created_at,last_stamp_at';
const LAYOUTS: TypingLayout[] = ['thai-kedmanee', 'korean-dubeolsik', 'persian-standard'];
/** Card tokens with every character a token can hold, in both cases (set directly: the app makes random ones). */
const TOKENS = ['aZ09_-Qq-Ww_Ee0Rr1Tt2Oo3Pp4', 'Kx_-9Lm0nB3vC2pQ_W-eR7tY8uI', 'QWERTOPqwertop-_0123456789'];

describe('Scan & Redeem behind a Thai, Korean or Persian keyboard, on a real SQLite file', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let core: Core;
  const now = Date.parse('2026-11-23T10:00:00Z');
  const value = async <T>(method: string, input: unknown, seat?: string): Promise<T> => {
    const result = await core.call(method, input, seat);
    if (!result.ok) throw new Error(`${method}: ${result.error.field} ${result.error.message}`);
    return result.value as T;
  };
  type Issued = { vouchers: Array<{ id: number; token: string; redeemCode: string | null }> };
  type Scan = { kind: 'voucher'; result: { outcome: string; voucher?: { id: number }; lockedUntil?: number } } | { kind: 'card'; card: { id: number } };
  const scan = (input: string, seat = 'Counter 1') => value<Scan>('scan.submit', { input }, seat);
  const outcome = (result: Scan) => (result.kind === 'card' ? `card ${result.card.id}` : result.result.outcome);
  const failures = () => core.db.sqlite.prepare('SELECT count(*) FROM scan_failures').pluck().get() as number;
  const issue = async (redeemCode: unknown) =>
    (await value<Issued>('vouchers.issue', { title: 'Gift', redeemCode, validity: { kind: 'unlimited' } })).vouchers[0]!;

  beforeEach(async () => {
    temp = makeTempDir();
    core = createCore({ dataDir: temp.dir, migrationsDir: MIGRATIONS_DIR, version: 't', now: () => now });
    await value('settings.set', { timeZone: 'Asia/Bangkok', scanLockAfter: 3, scanLockMinutes: 5 });
    const rows = TOKENS.map((_, i) => `${223340 + i},Customer ${i},c${i}@example.com,,1024,1,0,8,web,2026-01-10,`);
    await value('cards.importCsv', { csv: `${HEADER}\n${rows.join('\n')}\n`, dryRun: false });
    TOKENS.forEach((token, i) => core.db.sqlite.prepare('UPDATE cards SET token = ? WHERE id = ?').run(token, 223340 + i));
  });
  afterEach(() => {
    core.close();
    temp.cleanup();
  });

  for (const layout of LAYOUTS) {
    it(`${layout}: a generated code, a POS code and a voucher token are redeemed; a card number and card tokens find the card`, async () => {
      const generated = await issue({ kind: 'generated' });
      const pos = await issue({ kind: 'static', code: 'GIFT-100' });
      const byToken = await issue({ kind: 'generated' });

      const typedCode = typeThrough(layout, formatRedeemCode(generated.redeemCode!));
      expect(await scan(typedCode)).toMatchObject({ kind: 'voucher', result: { outcome: 'redeemed', voucher: { id: generated.id } } });
      expect(await scan(typeThrough(layout, 'GIFT-100'))).toMatchObject({ kind: 'voucher', result: { outcome: 'redeemed', voucher: { id: pos.id } } });
      expect(await scan(typeThrough(layout, byToken.token))).toMatchObject({ kind: 'voucher', result: { outcome: 'redeemed', voucher: { id: byToken.id } } });
      // scanned again: the same voucher, now already redeemed
      expect(outcome(await scan(typedCode))).toBe('already_redeemed');

      expect(outcome(await scan(typeThrough(layout, '223341')))).toBe('card 223341');
      for (const [i, token] of TOKENS.entries()) expect(outcome(await scan(typeThrough(layout, token)))).toBe(`card ${223340 + i}`);
      expect(failures()).toBe(0);
    });

    it(`${layout}: the vouchers list finds a whole code typed through the layout`, async () => {
      const generated = await issue({ kind: 'generated' });
      const pos = await issue({ kind: 'static', code: 'SUMMER-24' });
      const found = async (query: string) => (await value<{ items: Array<{ id: number }> }>('vouchers.list', { query })).items.map((v) => v.id);
      expect(await found(typeThrough(layout, formatRedeemCode(generated.redeemCode!)))).toEqual([generated.id]);
      expect(await found(typeThrough(layout, 'summer-24'))).toEqual([pos.id]);
    });
  }

  it('garbage in each layout answers unknown and counts once per scan toward the seat lock', async () => {
    expect(await scan('สวัสดีครับ')).toMatchObject({ kind: 'voucher', result: { outcome: 'unknown' } });
    expect(failures()).toBe(1);
    expect(await scan('안녕하세요')).toMatchObject({ kind: 'voucher', result: { outcome: 'unknown' } });
    expect(failures()).toBe(2);
    const third = await scan('سلام دنیا');
    expect(third).toMatchObject({ kind: 'voucher', result: { outcome: 'unknown' } });
    expect(third.kind === 'voucher' && third.result.lockedUntil).toBeTruthy(); // the third of three
    expect(failures()).toBe(3);
    const generated = await issue({ kind: 'generated' });
    expect(outcome(await scan(typeThrough('thai-kedmanee', generated.redeemCode!)))).toBe('locked');
    expect(failures()).toBe(3);
  });

  it('a typo in a code typed through a layout is still caught by the check symbol, and counted once', async () => {
    const { redeemCode } = await issue({ kind: 'generated' });
    const typo = redeemCode!.slice(0, 3) + (redeemCode![3] === 'A' ? 'B' : 'A') + redeemCode!.slice(4);
    expect(outcome(await scan(typeThrough('thai-kedmanee', typo)))).toBe('invalid_check');
    expect(failures()).toBe(1);
  });

  it('a Korean-typed card token that fits two cards (they differ only in a letter whose case Korean hides) shows neither', async () => {
    core.db.sqlite.prepare('UPDATE cards SET token = ? WHERE id = 223340').run('abcdefghijklmnopqrst');
    core.db.sqlite.prepare('UPDATE cards SET token = ? WHERE id = 223341').run('Abcdefghijklmnopqrst');
    core.db.sqlite.prepare('UPDATE cards SET token = ? WHERE id = 223342').run('abcdefghijklmnopqrsT');
    // a and A type the same ㅁ: both of the first two cards fit, so the scan names no card
    expect(outcome(await scan(typeThrough('korean-dubeolsik', 'abcdefghijklmnopqrst')))).toBe('unknown');
    // t and T do not (Shift+T types ㅆ): the third card is found
    expect(outcome(await scan(typeThrough('korean-dubeolsik', 'abcdefghijklmnopqrsT')))).toBe('card 223342');
    // typed as they are, each is exact
    expect(outcome(await scan('abcdefghijklmnopqrst'))).toBe('card 223340');
    expect(outcome(await scan('Abcdefghijklmnopqrst'))).toBe('card 223341');
  });

  it('a deleted card is not found through a layout', async () => {
    await value('cards.delete', { id: 223342 });
    expect(outcome(await scan(typeThrough('korean-dubeolsik', TOKENS[2]!)))).toBe('unknown');
  });

  it('the case-insensitive token lookup reads the lower(token) index', () => {
    const plan = core.db.sqlite
      .prepare("EXPLAIN QUERY PLAN SELECT id FROM cards INDEXED BY cards_token_lower_idx WHERE lower(token) = 'x' AND token GLOB 'x' AND deleted_at IS NULL")
      .all() as Array<{ detail: string }>;
    expect(plan.map((p) => p.detail).join(' ')).toContain('USING INDEX cards_token_lower_idx');
  });

  it.each(LAYOUTS)('the card search (and the customer picker) finds a card number and a card token typed through %s', async (layout) => {
    type Found = { items: Array<{ id: number }>; total: number };
    for (const [i, token] of TOKENS.entries()) {
      const byToken = await value<Found>('cards.search', { query: typeThrough(layout, token) });
      expect(byToken.items.map((c) => c.id), `${layout} ${token}`).toEqual([223340 + i]);
    }
    const byNumber = await value<Found>('cards.search', { query: typeThrough(layout, '223341') });
    expect(byNumber.items.map((c) => c.id)).toContain(223341);
    // a name in the layout's own script is still a name, not read as keys
    expect((await value<Found>('cards.search', { query: 'สมชาย' })).total).toBe(0);
  });
});
