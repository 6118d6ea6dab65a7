import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../../electron/core/create-core';
import { countVouchers, listVouchers } from '../../../../electron/db/repos/vouchers.repo';
import { voucherQuery } from '../../../../electron/vouchers/voucher-query';
import type { VoucherListPage, VoucherRowsPage } from '../../../../shared/schemas/vouchers';
import { makeTempDir, MIGRATIONS_DIR } from '../../../support/temp-dir';

const FIXTURE_CARDS_CSV = fs.readFileSync(path.resolve('tests/support/fixtures/cards.csv'), 'utf8');

describe('the Vouchers list: batches as one row, customers found by name', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let core: Core;
  let now = Date.parse('2026-11-23T10:00:00Z');
  const value = async <T>(method: string, input: unknown): Promise<T> => {
    const result = await core.call(method, input);
    if (!result.ok) throw new Error(`${method}: ${result.error.field} ${result.error.message}`);
    return result.value as T;
  };
  type Issued = { batchId: number | null; vouchers: Array<{ id: number; token: string; redeemCode: string | null }> };
  const issue = (input: Record<string, unknown>) => value<Issued>('vouchers.issue', { redeemCode: { kind: 'generated' }, validity: { kind: 'unlimited' }, ...input });
  const rows = (input: Record<string, unknown> = {}) => value<VoucherRowsPage>('vouchers.listGrouped', input);
  const titles = async (query: string) => (await value<VoucherListPage>('vouchers.list', { query })).items.map((v) => v.title).sort();

  beforeEach(async () => {
    temp = makeTempDir();
    now = Date.parse('2026-11-23T10:00:00Z');
    core = createCore({ dataDir: temp.dir, migrationsDir: MIGRATIONS_DIR, version: 't', now: () => now, expirySweepMs: 0 });
    await value('settings.set', { timeZone: 'Asia/Bangkok', shopName: 'Café' });
    await value('cards.importCsv', { csv: FIXTURE_CARDS_CSV, dryRun: false });
  });
  afterEach(() => {
    core.close();
    temp.cleanup();
  });

  it('search finds a voucher by its customer’s name, by any part and in any script', async () => {
    await issue({ cardId: 113772, title: 'Sorry the order arrived cold', redeemCode: null });
    await issue({ cardId: 113773, title: 'Birthday gift' });
    await issue({ cardId: 113774, title: 'Loyalty bonus' });
    await issue({ title: 'Opening party', quantity: 3 });
    expect(await titles('olivia')).toEqual(['Sorry the order arrived cold']);
    expect(await titles('Smith')).toEqual(['Sorry the order arrived cold']);
    expect(await titles('ศรีสุข')).toEqual(['Birthday gift']); // Thai, no spaces needed
    expect(await titles('민준')).toEqual(['Loyalty bonus']); // a two-syllable Korean part
    expect(await titles('김민준')).toEqual(['Loyalty bonus']);
    // a title part still finds titles, and a name that holds no voucher finds nothing
    expect(await titles('party')).toEqual(['Opening party', 'Opening party', 'Opening party']);
    expect(await titles('Rezaei')).toEqual([]);
    // the grouped list finds them the same way
    const found = await rows({ query: 'olivia' });
    expect(found.rows).toMatchObject([{ kind: 'voucher', voucher: { cardId: 113772, customerName: 'Olivia Smith' } }]);
  });

  it('a batch is one row with its title, size and how many are active, redeemed, expired and voided; single vouchers stay rows', async () => {
    const single = await issue({ title: 'Loyalty bonus' });
    const batch = await issue({ title: 'Free coffee at the opening', quantity: 12, validity: { kind: 'days', days: 60 } });
    const forCard = await issue({ cardId: 113772, title: 'Birthday gift' });
    for (const v of batch.vouchers.slice(0, 4)) await value('vouchers.redeem', { input: v.token });
    await value('vouchers.void', { id: batch.vouchers[11]!.id, reason: 'Printed twice' });

    const page = await rows();
    expect(page.total).toBe(14); // vouchers, not rows
    expect(page.rows.map((r) => (r.kind === 'batch' ? `batch ${r.batchId}` : `voucher ${r.voucher.id}`))).toEqual([
      `voucher ${forCard.vouchers[0]!.id}`,
      `batch ${batch.batchId}`,
      `voucher ${single.vouchers[0]!.id}`,
    ]);
    expect(page.rows[1]).toMatchObject({
      kind: 'batch',
      batchId: batch.batchId,
      title: 'Free coffee at the opening',
      quantity: 12,
      matching: 12,
      counts: { active: 7, redeemed: 4, expired: 0, voided: 1 },
      issuedAt: now,
      expiresAt: Date.parse('2027-01-22T10:00:00Z'),
      redeemCode: null,
    });
    // its vouchers, for opening the row
    const inside = await value<VoucherListPage>('vouchers.list', { batchId: batch.batchId!, limit: 50 });
    expect(inside.total).toBe(12);
    expect(inside.items.map((v) => v.id).sort((a, b) => a - b)).toEqual(batch.vouchers.map((v) => v.id));

    // past the expiry, the active ones count as expired
    now += 61 * 86_400_000;
    expect((await rows()).rows[1]).toMatchObject({ counts: { active: 0, redeemed: 4, expired: 7, voided: 1 } });
  });

  it('a batch sharing a POS code shows that code; filters and searches count the matching vouchers of a batch', async () => {
    const pos = await issue({ title: 'Free coffee (POS code)', redeemCode: { kind: 'static', code: 'FREECOFFEE' }, quantity: 3 });
    const batch = await issue({ title: 'Opening party', quantity: 5 });
    await value('vouchers.redeem', { input: batch.vouchers[2]!.token });
    expect((await rows()).rows.find((r) => r.kind === 'batch' && r.batchId === pos.batchId)).toMatchObject({ redeemCode: 'FREECOFFEE', quantity: 3 });

    // a status filter keeps the batch that holds a redeemed voucher, and says how many of it match
    const redeemed = await rows({ status: ['redeemed'] });
    expect(redeemed.total).toBe(1);
    expect(redeemed.rows).toMatchObject([{ kind: 'batch', batchId: batch.batchId, quantity: 5, matching: 1, counts: { active: 4, redeemed: 1 } }]);
    // one voucher's code finds its batch, with that one voucher matching; opening it shows that voucher
    const code = batch.vouchers[3]!.redeemCode!;
    const byCode = await rows({ query: code.slice(0, 8) });
    expect(byCode.rows).toMatchObject([{ kind: 'batch', batchId: batch.batchId, matching: 1 }]);
    const opened = await value<VoucherListPage>('vouchers.list', { batchId: batch.batchId!, query: code.slice(0, 8) });
    expect(opened.items.map((v) => v.id)).toEqual([batch.vouchers[3]!.id]);
    // a title search matches the whole batch
    expect((await rows({ query: 'party' })).rows).toMatchObject([{ kind: 'batch', matching: 5 }]);
    expect((await rows({ source: 'card' })).rows).toEqual([]);
  });

  it('a search lists the same vouchers, in the same order, whether it starts from its matches or from the newest voucher', async () => {
    await issue({ cardId: 113772, title: 'Coffee for Olivia' });
    await issue({ title: 'Olive oil tasting', quantity: 4 });
    await issue({ title: 'Cake', redeemCode: { kind: 'static', code: 'OLIVE-24' }, quantity: 2 });
    await issue({ title: 'Unrelated' });
    for (const text of ['oliv', 'OLIVE', 'smith', 'cake', 'nothing']) {
      const query = voucherQuery({ query: text, status: ['active'] });
      const fromMatches = listVouchers(core.db, { ...query, matchesFirst: true }, undefined, 50).map((v) => v.id);
      const fromNewest = listVouchers(core.db, { ...query, matchesFirst: false }, undefined, 50).map((v) => v.id);
      expect(fromMatches, text).toEqual(fromNewest);
      expect(fromMatches.length, text).toBe(countVouchers(core.db, query));
      // and the next page after the second of them
      if (fromMatches.length > 2) expect(listVouchers(core.db, { ...query, matchesFirst: true }, fromMatches[1], 50).map((v) => v.id), text).toEqual(fromNewest.slice(2));
    }
    expect(listVouchers(core.db, { ...voucherQuery({ query: 'oliv' }), matchesFirst: true }, undefined, 50)).toHaveLength(1 + 4 + 2);
  });

  it('pages of rows follow each other without gaps or repeats, batches counted once', async () => {
    const made: string[] = [];
    for (let i = 0; i < 9; i++) {
      if (i % 3 === 0) made.unshift(`batch ${(await issue({ title: `Batch ${i}`, quantity: 4 })).batchId}`);
      else made.unshift(`voucher ${(await issue({ title: `Single ${i}` })).vouchers[0]!.id}`);
    }
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await rows({ limit: 2, cursor });
      expect(page.rows.length).toBeLessThanOrEqual(2);
      seen.push(...page.rows.map((r) => (r.kind === 'batch' ? `batch ${r.batchId}` : `voucher ${r.voucher.id}`)));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual(made);
    expect(await core.call('vouchers.listGrouped', { cursor: 'nope' })).toMatchObject({ ok: false, error: { field: 'cursor', key: 'apiErrors.list.badCursor' } });
  });
});
