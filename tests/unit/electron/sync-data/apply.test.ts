import { beforeEach, describe, expect, it } from 'vitest';
import type { WireCard, WireChange, WireVoucher } from '../../../../shared/schemas/sync-protocol';
import { wireChange } from '../../../../shared/schemas/sync-protocol';
import { applyChanges, readCursor, resetCursor } from '../../../../electron/db/repos/sync-apply.repo';
import { pendingCount, pendingEntries } from '../../../../electron/db/repos/sync-outbox.repo';
import { listConflicts } from '../../../../electron/db/repos/sync-conflicts.repo';
import { deviceIdOf, setSyncValue } from '../../../../electron/db/repos/sync-state.repo';
import { useTempCore } from '../../../support/temp-core';

const T0 = Date.UTC(2026, 10, 23, 12);
const HEADER = 'card_id,name,email,phone,template_id,template_version,stamps,goal,platforms,created_at,last_stamp_at';

const card = (over: Partial<WireCard> = {}): WireCard => ({
  token: 'cloud-card-1',
  number: 200001,
  customer: { name: 'Nok Saetang', email: 'nok@example.com', phone: null },
  templateId: 7,
  templateVersion: 1,
  goal: 10,
  stamps: 4,
  platforms: 2,
  createdAt: T0 - 86_400_000,
  lastStampAt: T0 - 3_600_000,
  deletedAt: null,
  deletedBy: null,
  ...over,
});
const voucher = (over: Partial<WireVoucher> = {}): WireVoucher => ({
  token: 'VCAFE00000000000000000000A',
  cardToken: 'cloud-card-1',
  batchUid: null,
  title: 'Free tea',
  description: null,
  imageId: null,
  codeKind: null,
  redeemCode: null,
  status: 'active',
  source: 'card',
  issuedAt: T0 - 1000,
  expiresAt: null,
  redeemedAt: null,
  redeemedBy: null,
  voidedAt: null,
  voidReason: null,
  ...over,
});

describe('applyChanges: a pulled page, applied with its cursor in one transaction', () => {
  const core = useTempCore({ now: () => T0 });
  const db = () => core().db;
  const value = async <T>(method: string, input: unknown, seat?: string): Promise<T> => {
    const result = await core().call(method, input, seat);
    if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
    return result.value as T;
  };
  let version = 0;
  const page = (...changes: Array<Record<string, unknown>>): WireChange[] => changes.map((c) => wireChange.parse({ version: ++version, ...c }));
  const apply = (changes: WireChange[], cursor = `e1:${version}`) => applyChanges(db(), changes, cursor, deviceIdOf(db()), T0);
  const cardRow = (token: string) =>
    db().sqlite.prepare('SELECT id, stamps, deleted_at AS deletedAt FROM cards WHERE token = ?').get(token) as { id: number; stamps: number; deletedAt: number | null };

  beforeEach(() => {
    version = 0;
  });

  it('a card from another PC arrives with its number, template, customer and history; the same page again changes nothing', async () => {
    const changes = page(
      { entity: 'template', template: { id: 7, name: 'Tea club', version: 1, goal: 10 } },
      { entity: 'card', card: card() },
      { entity: 'event', event: { uid: 'ev-1', type: 'card_saved', cardToken: 'cloud-card-1', voucherToken: null, seat: 'wallet', at: T0 - 86_400_000, data: { platform: 'apple' } } },
      { entity: 'event', event: { uid: 'ev-2', type: 'stamp_added', cardToken: 'cloud-card-1', voucherToken: null, seat: 'Till 2', at: T0 - 3_600_000, data: { count: 4, stamps: 4 } } },
    );
    expect(readCursor(db())).toBeNull();
    apply(changes, 'e1:4');
    apply(changes, 'e1:4');
    expect(readCursor(db())).toBe('e1:4');
    const details = await value<{ id: number; stamps: number; goal: number; customer?: unknown; name?: string }>('cards.get', { id: 200001 });
    expect(details).toMatchObject({ id: 200001, stamps: 4, goal: 10 });
    expect((await value<{ total: number }>('cards.search', { query: 'Nok' })).total).toBe(1);
    const history = await value<{ items: Array<{ type: string; seat: string }> }>('cards.history', { id: 200001 });
    expect(history.items.map((e) => [e.type, e.seat])).toEqual([
      ['stamp_added', 'Till 2'],
      ['card_saved', 'wallet'],
    ]);
    expect(db().sqlite.prepare("SELECT name FROM card_templates WHERE id = 7").pluck().get()).toBe('Tea club');
    expect(pendingCount(db())).toBe(0); // pulling writes nothing to push
    resetCursor(db());
    expect(readCursor(db())).toBeNull();
  });

  it("stamps shown = the cloud's + this PC's unconfirmed deltas, never counted twice once the cloud has them", async () => {
    apply(page({ entity: 'card', card: card({ stamps: 4 }) }));
    await value('cards.adjustStamps', { id: 200001, delta: 2, reason: 'x' });
    expect(cardRow('cloud-card-1').stamps).toBe(6);
    // another PC's stamp arrives before ours is confirmed: 5 in the cloud + our 2
    apply(page({ entity: 'card', card: card({ stamps: 5 }) }));
    expect(cardRow('cloud-card-1').stamps).toBe(7);
    // the cloud applied ours (its outcome in the same page as the card that counts it)
    const mine = pendingEntries(db(), 10)[0]!;
    apply(page({ entity: 'card', card: card({ stamps: 7 }) }, { entity: 'outcome', deviceId: deviceIdOf(db()), outcome: { seq: mine.seq, key: mine.key, status: 'applied', reason: null, detail: null } }));
    expect(cardRow('cloud-card-1').stamps).toBe(7);
    expect(pendingCount(db())).toBe(0);
    // another device's outcome for the same seq is not ours
    await value('cards.adjustStamps', { id: 200001, delta: 1, reason: 'y' });
    const next = pendingEntries(db(), 10)[0]!;
    apply(page({ entity: 'outcome', deviceId: 'other-pc', outcome: { seq: next.seq, key: next.key, status: 'applied', reason: null, detail: null } }));
    expect(pendingCount(db())).toBe(1);
  });

  it("the last stamp's time is the cloud's once no stamp of ours is on its way (a refused stamp leaves no trace)", async () => {
    apply(page({ entity: 'card', card: card({ stamps: 4, lastStampAt: T0 - 3_600_000 }) }));
    await value('cards.adjustStamps', { id: 200001, delta: 1, reason: 'x' });
    const lastStampAt = () => db().sqlite.prepare("SELECT last_stamp_at FROM cards WHERE token = 'cloud-card-1'").pluck().get();
    apply(page({ entity: 'card', card: card({ stamps: 4, lastStampAt: T0 - 3_600_000 }) }));
    expect(lastStampAt()).toBe(T0); // ours, still on its way
    const mine = pendingEntries(db(), 10)[0]!;
    apply(
      page(
        { entity: 'outcome', deviceId: deviceIdOf(db()), outcome: { seq: mine.seq, key: mine.key, status: 'rejected', reason: { key: 'cardDeleted', params: {} }, detail: null } },
        { entity: 'card', card: card({ stamps: 4, lastStampAt: T0 - 3_600_000, deletedAt: T0 - 10, deletedBy: 'Office' }) },
      ),
    );
    expect(lastStampAt()).toBe(T0 - 3_600_000);
    expect(cardRow('cloud-card-1')).toMatchObject({ stamps: 4, deletedAt: T0 - 10 });
  });

  it('deletion: a card deleted in the cloud is deleted here; one deleted here and not yet pushed stays deleted', async () => {
    apply(page({ entity: 'card', card: card() }, { entity: 'card', card: card({ token: 'cloud-card-2', number: 200002 }) }));
    apply(page({ entity: 'card', card: card({ deletedAt: T0, deletedBy: 'Office' }) }));
    expect(cardRow('cloud-card-1').deletedAt).toBe(T0);
    expect((await value<{ total: number }>('cards.search', {})).total).toBe(1);
    await value('cards.delete', { id: 200002 });
    apply(page({ entity: 'card', card: card({ token: 'cloud-card-2', number: 200002, stamps: 6 }) }));
    expect(cardRow('cloud-card-2').deletedAt).toBe(T0);
    expect((await value<{ total: number }>('cards.search', {})).total).toBe(0);
  });

  it('a large page (written with the search triggers off) leaves search, counts and the triggers as they should be', async () => {
    const many = Array.from({ length: 60 }, (_, i) => ({ entity: 'card', card: card({ token: `bulk-${i}`, number: 300000 + i, customer: { name: `Bulk Person ${i}` } }) }));
    apply(page(...many));
    expect((await value<{ total: number }>('cards.search', { query: 'Bulk Person 42' })).total).toBe(1);
    expect((await value<{ total: number }>('cards.search', {})).total).toBe(60);
    apply(page({ entity: 'card', card: card({ token: 'bulk-0', number: 300000, deletedAt: T0, deletedBy: 'Office' }) }, { entity: 'card', card: card({ token: 'single', number: 300100, customer: { name: 'Lone Ranger' } }) }));
    expect((await value<{ total: number }>('cards.search', {})).total).toBe(60);
    expect((await value<{ total: number }>('cards.search', { query: 'Lone Ranger' })).total).toBe(1);
    expect((await value<{ total: number }>('cards.search', { query: 'Bulk Person 0' })).total).toBe(5); // 10, 20 … 50: 0 itself is deleted
  });

  it("a card whose number is another card's here gets the next spare number", async () => {
    await value('cards.importCsv', { csv: [HEADER, '200001,Local Ann,,,1024,2,1,8,web,2026-01-10,'].join('\n'), dryRun: false });
    apply(page({ entity: 'card', card: card() }));
    expect(cardRow('cloud-card-1').id).toBe(200002);
  });

  it('vouchers: a redemption made elsewhere shows here; ours still on its way is kept; the cloud confirming it makes it confirmed', async () => {
    setSyncValue(db(), 'enabled', 'true');
    apply(page({ entity: 'card', card: card() }, { entity: 'voucher', voucher: voucher() }, { entity: 'voucher', voucher: voucher({ token: 'VCAFE00000000000000000000B' }) }));
    apply(page({ entity: 'voucher', voucher: voucher({ status: 'redeemed', redeemedAt: T0 - 10, redeemedBy: 'Till 2' }) }));
    const a = await value<{ status: string; redeemedBy: string }>('vouchers.get', { id: db().sqlite.prepare("SELECT id FROM vouchers WHERE token = 'VCAFE00000000000000000000A'").pluck().get() });
    expect(a).toMatchObject({ status: 'redeemed', redeemedBy: 'Till 2' });
    await value('scan.submit', { input: 'VCAFE00000000000000000000B' }, 'Till 1');
    const state = () => db().sqlite.prepare("SELECT status, redeem_state AS state, redeemed_by AS seat FROM vouchers WHERE token = 'VCAFE00000000000000000000B'").get();
    expect(state()).toEqual({ status: 'redeemed', state: 'provisional', seat: 'Till 1' });
    apply(page({ entity: 'voucher', voucher: voucher({ token: 'VCAFE00000000000000000000B', title: 'Free tea (renamed)' }) }));
    expect(state()).toEqual({ status: 'redeemed', state: 'provisional', seat: 'Till 1' });
    const mine = pendingEntries(db(), 10)[0]!;
    apply(
      page(
        { entity: 'voucher', voucher: voucher({ token: 'VCAFE00000000000000000000B', status: 'redeemed', redeemedAt: T0, redeemedBy: 'Till 1' }) },
        { entity: 'outcome', deviceId: deviceIdOf(db()), outcome: { seq: mine.seq, key: mine.key, status: 'applied', reason: null, detail: null } },
      ),
    );
    expect(state()).toEqual({ status: 'redeemed', state: 'confirmed', seat: 'Till 1' });
  });

  it("a free batch's vouchers join one local batch by its uid; a POS code is a static code here", async () => {
    const batch = (token: string) => voucher({ token, cardToken: null, batchUid: 'batch-uid-1', codeKind: 'pos', redeemCode: 'FREECOFFEE', source: 'manual' });
    apply(page({ entity: 'voucher', voucher: batch('VCAFE00000000000000000000C') }, { entity: 'voucher', voucher: batch('VCAFE00000000000000000000D') }));
    expect(db().sqlite.prepare("SELECT b.quantity, count(*) AS n, min(v.code_kind) AS kind FROM vouchers v JOIN voucher_batches b ON b.id = v.batch_id WHERE b.uid = 'batch-uid-1'").get()).toEqual({
      quantity: 2,
      n: 2,
      kind: 'static',
    });
  });

  it('a pulled voucher holding a generated code one of ours holds: ours gets a new code, visibly', async () => {
    const issued = await value<{ vouchers: Array<{ token: string; redeemCode: string }> }>('vouchers.issue', { title: 'P', redeemCode: { kind: 'generated' }, validity: { kind: 'unlimited' }, quantity: 2 });
    const code = issued.vouchers[0]!.redeemCode;
    apply(page({ entity: 'voucher', voucher: voucher({ token: 'VCAFE00000000000000000000E', cardToken: null, codeKind: 'generated', redeemCode: code }) }));
    const ours = db().sqlite.prepare('SELECT redeem_code FROM vouchers WHERE token = ?').pluck().get(issued.vouchers[0]!.token);
    expect(ours).not.toBe(code);
    expect(db().sqlite.prepare("SELECT redeem_code FROM vouchers WHERE token = 'VCAFE00000000000000000000E'").pluck().get()).toBe(code);
    expect(pendingEntries(db(), 10).at(-1)!.operation).toMatchObject({ kind: 'voucher.recoded', voucherToken: issued.vouchers[0]!.token, redeemCode: ours });
    expect(listConflicts(db(), false)).toMatchObject([{ kind: 'codeReissued', detail: { oldCode: code, newCode: ours } }]);
  });

  it('messages by uid (status updates), and a page that fails leaves nothing behind, cursor included', async () => {
    const message = { uid: 'msg-1', cardToken: 'cloud-card-1', push: 'Hi', emailSubject: null, emailBody: null, status: 'queued', createdAt: T0, seat: 'Till 2' };
    apply(page({ entity: 'card', card: card() }, { entity: 'message', message }), 'e1:2');
    apply(page({ entity: 'message', message: { ...message, status: 'sent' } }), 'e1:3');
    expect(db().sqlite.prepare("SELECT status FROM messages WHERE uid = 'msg-1'").all()).toEqual([{ status: 'sent' }]);

    db().sqlite.exec("CREATE TRIGGER events_refuse BEFORE INSERT ON events BEGIN SELECT RAISE(ABORT, 'disk full'); END");
    const failing = page(
      { entity: 'card', card: card({ token: 'cloud-card-3', number: 200003 }) },
      { entity: 'event', event: { uid: 'ev-9', type: 'card_saved', cardToken: 'cloud-card-3', voucherToken: null, seat: 'wallet', at: T0, data: null } },
    );
    expect(() => apply(failing, 'e1:5')).toThrow(/disk full/);
    expect(readCursor(db())).toBe('e1:3');
    expect(db().sqlite.prepare("SELECT count(*) FROM cards WHERE token = 'cloud-card-3'").pluck().get()).toBe(0);
  });
});
