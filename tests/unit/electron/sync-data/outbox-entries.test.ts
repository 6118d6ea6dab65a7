import { beforeEach, describe, expect, it } from 'vitest';
import { METHOD_NAMES } from '../../../../shared/api/contract';
import { pushEntry, type PushEntry } from '../../../../shared/schemas/sync-protocol';
import { pendingEntries } from '../../../../electron/db/repos/sync-outbox.repo';
import { useTempCore } from '../../../support/temp-core';

const HEADER = 'card_id,name,email,phone,template_id,template_version,stamps,goal,platforms,created_at,last_stamp_at';
const ROWS = [
  '113772,Olivia Smith,olivia@example.com,+44 7700 900123,1024,2,2,8,web,2026-01-10T09:00:00Z,2026-11-01T10:00:00Z',
  '113773,สมชาย ศรีสุข,somchai@example.com,๐๘๑-๒๓๔-๕๖๗๘,1024,2,7,8,apple|google,2026-02-01T09:00:00Z,2026-11-20T08:00:00Z',
  '113774,김민준,,010-1234-5678,2048,1,0,10,google,2026-03-05,',
];

/** The methods that change data the cloud keeps, and so write outbox entries. */
const SYNCED_WRITERS = [
  'cards.importCsv',
  'cards.adjustStamps',
  'cards.addStamp',
  'cards.delete',
  'cards.sendMessage',
  'vouchers.issue',
  'vouchers.redeem',
  'scan.submit',
  'vouchers.void',
] as const;
/**
 * The rest write nothing the cloud keeps: reads, this PC's settings, pictures (they travel as a hash), printing,
 * the scan pause (per installation), sync's own settings, and demo data (stays on this PC, tested below).
 */
const NOT_SYNCED = METHOD_NAMES.filter((m) => !(SYNCED_WRITERS as readonly string[]).includes(m));

describe('every local change writes exactly its outbox entries, in the same transaction', () => {
  const core = useTempCore({ now: () => now });
  let now = Date.UTC(2026, 10, 23, 12);
  const value = async <T>(method: string, input: unknown): Promise<T> => {
    const result = await core().call(method, input);
    if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
    return result.value as T;
  };
  let seen = 0;
  /** The entries written since the last look, parsed with the protocol's schema. */
  const newEntries = (): PushEntry[] => {
    const all = pendingEntries(core().db, 100_000);
    const fresh = all.slice(seen);
    seen = all.length;
    expect(all.map((e) => e.seq)).toEqual(all.map((_, i) => i + 1)); // gap-free seq
    return fresh.map((e) => pushEntry.parse(e));
  };
  const kinds = (entries: PushEntry[]) => entries.map((e) => e.operation.kind);
  const token = (id: number) => core().db.sqlite.prepare('SELECT token FROM cards WHERE id = ?').pluck().get(id) as string;
  const eventUids = () => new Set(core().db.sqlite.prepare('SELECT uid FROM events').pluck().all() as string[]);

  beforeEach(async () => {
    seen = 0;
    now = Date.UTC(2026, 10, 23, 12);
    await value('cards.importCsv', { csv: [HEADER, ...ROWS].join('\n'), dryRun: false });
  });

  it('the list of writers covers the contract: every other method is named as writing nothing synced', () => {
    expect(NOT_SYNCED).toEqual(
      expect.arrayContaining(['settings.set', 'images.import', 'demo.load', 'printers.add', 'print.voucher', 'scan.endPause', 'sync.configure']),
    );
    expect(NOT_SYNCED.some((m) => m.startsWith('cards.') && !/^cards\.(search|get|history|exportCsv|exportHistoryCsv|openPublicPage)$/.test(m))).toBe(false);
  });

  it('import: card.created per new card, with its card_issued event; a changed card: card.profile and card.stamps', async () => {
    const created = newEntries();
    expect(kinds(created)).toEqual(['card.created', 'card.created', 'card.created']);
    expect(created[0]!.operation).toMatchObject({
      kind: 'card.created',
      card: { token: token(113772), number: 113772, customer: { name: 'Olivia Smith', email: 'olivia@example.com' }, templateId: 1024, templateVersion: 2, goal: 8, stamps: 2, platforms: 1 },
    });
    expect(created[0]!.events).toMatchObject([{ type: 'card_issued', cardToken: token(113772), voucherToken: null }]);
    for (const e of created.flatMap((c) => c.events)) expect(eventUids().has(e.uid)).toBe(true);

    const changed = ROWS.map((r) => r.replace('Olivia Smith,olivia@example.com', 'Olivia Jones,olivia@example.com').replace('1024,2,2,8', '1024,2,5,8'));
    await value('cards.importCsv', { csv: [HEADER, ...changed].join('\n'), dryRun: false });
    const updated = newEntries();
    expect(kinds(updated)).toEqual(['card.profile', 'card.stamps']);
    expect(updated[0]!.operation).toMatchObject({ cardToken: token(113772), fields: { name: 'Olivia Jones', email: 'olivia@example.com' } });
    expect(updated[1]!.operation).toMatchObject({ cardToken: token(113772), delta: 3 });
    expect(updated[1]!.events).toMatchObject([{ type: 'stamp_added', data: { count: 3 } }]);
  });

  it('stamps: card.stamps with the stamp_added event; the reward: the net change, goal_reached and reward_issued, then one voucher.issued', async () => {
    newEntries();
    await value('cards.adjustStamps', { id: 113772, delta: 2, reason: 'Missed' });
    const stamps = newEntries();
    expect(kinds(stamps)).toEqual(['card.stamps']);
    expect(stamps[0]!.operation).toMatchObject({ cardToken: token(113772), delta: 2, reason: 'Missed', seat: expect.any(String), at: now });
    expect(stamps[0]!.events.map((e) => e.type)).toEqual(['stamp_added']);

    now += 60 * 60_000;
    const result = await value<{ stamps: number; issuedRewards: Array<{ token: string }> }>('cards.addStamp', { id: 113773 });
    expect(result.stamps).toBe(0);
    const reward = newEntries();
    expect(kinds(reward)).toEqual(['card.stamps', 'voucher.issued']);
    // 7 + 1 = a full card: its reward used the round, so the card's count goes from 7 to 0
    expect(reward[0]!.operation).toMatchObject({ cardToken: token(113773), delta: -7, reason: 'scan' });
    expect(reward[0]!.events.map((e) => e.type)).toEqual(['stamp_added', 'goal_reached', 'reward_issued']);
    expect(reward[1]!.operation).toMatchObject({ kind: 'voucher.issued', voucher: { token: result.issuedRewards[0]!.token, cardToken: token(113773), source: 'reward' } });
    expect(reward[1]!.events).toMatchObject([{ type: 'voucher_issued', voucherToken: result.issuedRewards[0]!.token }]);
  });

  it('delete and message: card.deleted and message.sent with their events and the message uid', async () => {
    newEntries();
    await value('cards.sendMessage', { id: 113773, push: 'Free coffee', email: { subject: 'Hi', body: 'Come by' } });
    const message = newEntries();
    const uid = core().db.sqlite.prepare('SELECT uid FROM messages').pluck().get();
    expect(message.map((e) => e.operation)).toMatchObject([
      { kind: 'message.sent', uid, cardToken: token(113773), push: 'Free coffee', emailSubject: 'Hi', emailBody: 'Come by' },
    ]);
    expect(message[0]!.events.map((e) => e.type)).toEqual(['message_sent']);
    await value('cards.delete', { id: 113774 });
    const deleted = newEntries();
    expect(deleted.map((e) => e.operation)).toMatchObject([{ kind: 'card.deleted', cardToken: token(113774), at: now }]);
    expect(deleted[0]!.events.map((e) => e.type)).toEqual(['card_deleted']);
  });

  it('vouchers: one voucher.issued per voucher (a batch shares its batchUid), redeem by vouchers.redeem and scan.submit, void', async () => {
    newEntries();
    await value('vouchers.issue', { title: 'Birthday cake', cardId: 113772, redeemCode: null, validity: { kind: 'unlimited' } });
    expect(newEntries().map((e) => e.operation)).toMatchObject([{ kind: 'voucher.issued', voucher: { cardToken: token(113772), batchUid: null, title: 'Birthday cake' } }]);

    const batch = await value<{ vouchers: Array<{ token: string; redeemCode: string }> }>('vouchers.issue', {
      title: 'Party',
      redeemCode: { kind: 'generated' },
      validity: { kind: 'days', days: 30 },
      quantity: 3,
    });
    const issued = newEntries();
    expect(kinds(issued)).toEqual(['voucher.issued', 'voucher.issued', 'voucher.issued']);
    const batchUid = core().db.sqlite.prepare('SELECT uid FROM voucher_batches').pluck().get();
    expect(issued.map((e) => e.operation)).toMatchObject(
      batch.vouchers.map((v) => ({ voucher: { token: v.token, batchUid, redeemCode: v.redeemCode, codeKind: 'generated', cardToken: null } })),
    );
    for (const e of issued) expect(e.events).toMatchObject([{ type: 'voucher_issued', cardToken: null }]);

    await value('vouchers.redeem', { input: batch.vouchers[0]!.redeemCode });
    await value('scan.submit', { input: batch.vouchers[1]!.token });
    const redeemed = newEntries();
    expect(redeemed.map((e) => e.operation)).toMatchObject([
      { kind: 'voucher.redeemed', voucherToken: batch.vouchers[0]!.token, at: now, provisional: false },
      { kind: 'voucher.redeemed', voucherToken: batch.vouchers[1]!.token, provisional: false },
    ]);
    expect(redeemed.flatMap((e) => e.events.map((x) => x.type))).toEqual(['voucher_redeemed', 'voucher_redeemed']);

    const id = core().db.sqlite.prepare('SELECT id FROM vouchers WHERE token = ?').pluck().get(batch.vouchers[2]!.token);
    await value('vouchers.void', { id, reason: 'Printed twice' });
    expect(newEntries().map((e) => e.operation)).toMatchObject([{ kind: 'voucher.voided', voucherToken: batch.vouchers[2]!.token, reason: 'Printed twice' }]);
  });

  it('a refused change writes no entry, and a change whose entry cannot be written does not happen (one transaction)', async () => {
    newEntries();
    expect((await core().call('cards.adjustStamps', { id: 113774, delta: -1, reason: 'x' })).ok).toBe(false);
    expect((await core().call('cards.sendMessage', { id: 113772, push: 'web only' })).ok).toBe(false);
    expect(newEntries()).toEqual([]);

    const db = core().db.sqlite;
    const fingerprint = () => JSON.stringify([db.prepare('SELECT * FROM cards').all(), db.prepare('SELECT count(*) FROM events').pluck().get(), db.prepare('SELECT * FROM vouchers').all(), db.prepare('SELECT count(*) FROM messages').pluck().get()]);
    const issued = await value<{ vouchers: Array<{ id: number; redeemCode: string }> }>('vouchers.issue', { title: 'P', redeemCode: { kind: 'generated' }, validity: { kind: 'unlimited' }, quantity: 2 });
    newEntries();
    db.exec("CREATE TRIGGER outbox_refuses BEFORE INSERT ON outbox BEGIN SELECT RAISE(ABORT, 'disk full'); END");
    const before = fingerprint();
    const attempts: Array<[string, unknown]> = [
      ['cards.adjustStamps', { id: 113772, delta: 1, reason: 'x' }],
      ['cards.addStamp', { id: 113774 }],
      ['cards.delete', { id: 113772 }],
      ['cards.sendMessage', { id: 113773, push: 'Hi' }],
      ['vouchers.issue', { title: 'Cake', cardId: 113772, redeemCode: null, validity: { kind: 'unlimited' } }],
      ['vouchers.issue', { title: 'P', redeemCode: { kind: 'generated' }, validity: { kind: 'unlimited' }, quantity: 5 }],
      ['vouchers.void', { id: issued.vouchers[1]!.id, reason: 'x' }],
      ['cards.importCsv', { csv: [HEADER, '113775,Ann,,,1024,2,1,8,web,2026-01-10,'].join('\n'), dryRun: false }],
    ];
    for (const [method, input] of attempts) expect((await core().call(method, input)).ok, method).toBe(false);
    const redeem = await core().call('vouchers.redeem', { input: issued.vouchers[0]!.redeemCode });
    expect(redeem.ok && (redeem.value as { outcome: string }).outcome === 'redeemed').toBe(false);
    expect(fingerprint()).toBe(before);
    db.exec('DROP TRIGGER outbox_refuses');
    expect(newEntries()).toEqual([]);
  });
});

describe('demo data stays on this PC', () => {
  const core = useTempCore();
  it('demo.load writes no outbox entry, and the next change takes seq 1', async () => {
    const loaded = await core().call('demo.load', {});
    expect(loaded.ok).toBe(true);
    expect(pendingEntries(core().db, 10)).toEqual([]);
    const card = core().db.sqlite.prepare('SELECT id FROM cards WHERE deleted_at IS NULL LIMIT 1').pluck().get();
    expect((await core().call('cards.adjustStamps', { id: card, delta: 1, reason: 'x' })).ok).toBe(true);
    expect(pendingEntries(core().db, 10).map((e) => e.seq)).toEqual([1]);
    // every demo event has its global id
    expect(core().db.sqlite.prepare('SELECT count(*) FROM events WHERE uid IS NULL').pluck().get()).toBe(0);
  });
});
