import crypto from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../../electron/core/create-core';
import { dbFingerprint } from '../../../support/db-fingerprint';
import { pngBytes } from '../../../support/image-fixtures';
import { makeTempDir, MIGRATIONS_DIR } from '../../../support/temp-dir';

const HEADER = 'card_id,name,email,phone,template_id,template_version,stamps,goal,platforms,created_at,last_stamp_at';
const ROWS = [
  '113772,Olivia Smith,o@example.com,,1024,2,7,8,apple,2026-01-10,',
  '113773,สมชาย ศรีสุข,s@example.com,,1024,2,8,8,apple|google,2026-02-01,',
  '113774,김민준,,,2048,1,9,10,google,2026-03-05,',
  '113775,Ali Rezaei,,,1024,2,2,8,web,2026-03-05,',
];

type Reward = { voucherId: number; token: string; title: string; stamps: number };
type Stamped = { id: number; stamps: number; goal: number; issuedRewards: Reward[] };
type Event = { type: string; data: Record<string, unknown> | null };

/**
 * The reward cycle on a real SQLite file: a card that reaches its goal gets its reward as a voucher (with the
 * template's reward title and image) in the same transaction as the stamp, and starts its next round with the
 * stamps left over. Milestone rewards on the way are issued the same way.
 */
describe('the reward cycle', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let core: Core;
  let now = Date.parse('2026-11-23T10:00:00Z');
  const call = (method: string, input: unknown, seat?: string) => core.call(method, input, seat);
  const value = async <T>(method: string, input: unknown, seat?: string): Promise<T> => {
    const result = await call(method, input, seat);
    if (!result.ok) throw new Error(`${method}: ${result.error.field} ${result.error.message}`);
    return result.value as T;
  };
  const history = async (id: number) => (await value<{ items: Event[] }>('cards.history', { id })).items;
  const sql = <T>(query: string, ...params: unknown[]) => core.db.sqlite.prepare(query).all(...params) as T[];
  let imageId: string;

  beforeEach(async () => {
    temp = makeTempDir();
    now = Date.parse('2026-11-23T10:00:00Z');
    core = createCore({ dataDir: temp.dir, migrationsDir: MIGRATIONS_DIR, version: 't', now: () => now, expirySweepMs: 0 });
    await value('settings.set', { timeZone: 'Asia/Bangkok', scanCooldownSeconds: 0 });
    await value('cards.importCsv', { csv: [HEADER, ...ROWS].join('\n'), dryRun: false });
    // the Coffee Club template as the cloud's Card Designer made it: a pastry at 4 stamps, a coffee at the goal
    const png = await pngBytes();
    imageId = crypto.createHash('sha256').update(png).digest('hex');
    core.db.sqlite
      .prepare('INSERT INTO images (id, mime, width, height, byte_size, bytes, created_at) VALUES (?, ?, 1, 1, ?, ?, 1)')
      .run(imageId, 'image/png', png.length, png);
    core.db.sqlite.prepare("UPDATE card_templates SET name = 'Coffee Club' WHERE id = 1024").run();
    const reward = core.db.sqlite.prepare('INSERT INTO template_rewards (template_id, version, stamps, title, image_id) VALUES (1024, 2, ?, ?, ?)');
    reward.run(4, 'Free pastry', null);
    reward.run(8, 'Free coffee', imageId);
  });
  afterEach(() => {
    core.close();
    temp.cleanup();
  });

  it('the stamp that reaches the goal issues the reward as a voucher to the card, and the next round starts', async () => {
    const stamped = await value<Stamped>('cards.addStamp', { id: 113772 }, 'Counter 1');
    expect(stamped.stamps).toBe(0);
    expect(stamped.issuedRewards).toHaveLength(1);
    expect(stamped.issuedRewards[0]).toMatchObject({ title: 'Free coffee', stamps: 8 });

    const voucherId = stamped.issuedRewards[0]!.voucherId;
    const [voucher] = sql<Record<string, unknown>>('SELECT card_id, title, image_id, status, source, token, expires_at FROM vouchers WHERE id = ?', voucherId);
    expect(voucher).toMatchObject({ card_id: 113772, title: 'Free coffee', image_id: imageId, status: 'active', source: 'reward', expires_at: null });
    expect(voucher!.token).toBe(stamped.issuedRewards[0]!.token);

    const events = (await history(113772)).slice(0, 4).reverse();
    expect(events.map((e) => e.type)).toEqual(['stamp_added', 'goal_reached', 'reward_issued', 'voucher_issued']);
    expect(events[0]!.data).toMatchObject({ count: 1, stamps: 0 });
    expect(events[2]!.data).toMatchObject({ title: 'Free coffee', stamps: 8, voucherId });
    const [rewardRow] = sql<{ voucher_id: number; seat: string }>("SELECT voucher_id, seat FROM events WHERE type = 'reward_issued' AND card_id = 113772");
    expect(rewardRow).toEqual({ voucher_id: voucherId, seat: 'Counter 1' });

    // the wallet learns of the voucher like any card voucher
    const outbox = sql<{ payload: string }>("SELECT payload FROM outbox WHERE kind = 'voucher.issued'");
    expect(outbox).toHaveLength(1);
    const cardToken = sql<{ token: string }>('SELECT token FROM cards WHERE id = 113772')[0]!.token;
    expect(JSON.parse(outbox[0]!.payload)).toMatchObject({
      operation: { kind: 'voucher.issued', voucher: { token: voucher!.token, cardToken, source: 'reward', status: 'active' } },
      events: [{ type: 'voucher_issued', voucherToken: voucher!.token }],
    });
  });

  it('keeps the stamps left over: 9 stamps on an 8-stamp card give the reward and 1 stamp', async () => {
    const stamped = await value<Stamped>('cards.adjustStamps', { id: 113772, delta: 2, reason: 'Two coffees' });
    expect(stamped.stamps).toBe(1);
    expect(stamped.issuedRewards.map((r) => r.title)).toEqual(['Free coffee']);
    expect((await value<{ stamps: number }>('cards.get', { id: 113772 })).stamps).toBe(1);
  });

  it('an adjustment that completes several rounds issues one reward per round and each milestone on the way', async () => {
    // 2 + 20 = 22 stamps: the pastry at 4, 12 and 20, the coffee at 8 and 16, then 6 stamps on the third round
    const stamped = await value<Stamped>('cards.adjustStamps', { id: 113775, delta: 20, reason: 'Catering order' });
    expect(stamped.stamps).toBe(6);
    expect(stamped.issuedRewards.map((r) => `${r.title}@${r.stamps}`)).toEqual([
      'Free pastry@4',
      'Free coffee@8',
      'Free pastry@4',
      'Free coffee@8',
      'Free pastry@4',
    ]);
    expect(sql<{ n: number }>('SELECT count(*) AS n FROM vouchers WHERE card_id = 113775')[0]!.n).toBe(5);
    expect(sql<{ n: number }>("SELECT count(*) AS n FROM events WHERE card_id = 113775 AND type = 'goal_reached'")[0]!.n).toBe(2);
    expect(sql<{ n: number }>("SELECT count(*) AS n FROM events WHERE card_id = 113775 AND type = 'reward_issued'")[0]!.n).toBe(5);
  });

  it('a card whose template names no reward at its goal still gets one, named after its stamp card', async () => {
    const stamped = await value<Stamped>('cards.addStamp', { id: 113774 });
    expect(stamped.stamps).toBe(0);
    expect(stamped.issuedRewards.map((r) => r.title)).toEqual(['Template 2048 reward']);
  });

  it('a card left full by an earlier version gets its reward with its next stamp', async () => {
    const stamped = await value<Stamped>('cards.addStamp', { id: 113773 });
    expect(stamped.stamps).toBe(1);
    expect(stamped.issuedRewards.map((r) => r.title)).toEqual(['Free coffee']);
  });

  it('removing stamps never issues a reward', async () => {
    const stamped = await value<Stamped>('cards.adjustStamps', { id: 113773, delta: -3, reason: 'Stamped by mistake' });
    expect(stamped).toMatchObject({ stamps: 5, issuedRewards: [] });
    expect(sql<{ n: number }>('SELECT count(*) AS n FROM vouchers')[0]!.n).toBe(0);
  });

  it('nothing is lost or half done: when the voucher cannot be written, the stamp is not counted either', async () => {
    core.db.sqlite.exec("CREATE TEMP TRIGGER no_vouchers BEFORE INSERT ON vouchers BEGIN SELECT RAISE(ABORT, 'disk full'); END");
    const before = dbFingerprint(core.db);
    expect((await call('cards.addStamp', { id: 113772 })).ok).toBe(false);
    expect(dbFingerprint(core.db)).toBe(before);
    expect((await value<{ stamps: number }>('cards.get', { id: 113772 })).stamps).toBe(7);
  });

  it('the reward can be redeemed on the spot at the counter, recorded as usual', async () => {
    const stamped = await value<Stamped>('cards.addStamp', { id: 113772 }, 'Counter 1');
    const reward = stamped.issuedRewards[0]!;
    const redeemed = await value<{ outcome: string; voucher: { id: number; redeemedBy: string } }>(
      'vouchers.redeem',
      { input: reward.token, voucherId: reward.voucherId },
      'Counter 1',
    );
    expect(redeemed).toMatchObject({ outcome: 'redeemed', voucher: { id: reward.voucherId, redeemedBy: 'Counter 1' } });
    expect((await history(113772))[0]).toMatchObject({ type: 'voucher_redeemed' });
  });
});
