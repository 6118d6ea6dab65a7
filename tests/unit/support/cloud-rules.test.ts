import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { wireChange, type WireChange } from '../../../shared/schemas/sync-protocol';
import type { Cloud } from '../../support/cloud';
import { cloudClient, type CloudClient } from '../../support/cloud/client';
import { storageLegs } from './cloud-storages';
import { created, deleted, event, issued, messageSent, newCard, newVoucher, outbox, profile, recoded, redeemed, stamps, voided } from './cloud-builders';

/** The reference cloud's conflict rules over real HTTP, on PGlite and (when named) on a real PostgreSQL server. */
for (const leg of storageLegs) {
  describe.skipIf(leg.skip)(`reference cloud rules on ${leg.name}`, () => {
    let cloud: Cloud;
    let apiKey: string;
    let a: CloudClient;
    let b: CloudClient;

    // One server for the file; each test gets a shop of its own (shops never see each other's data).
    beforeAll(async () => {
      cloud = await leg.start();
    });
    afterAll(async () => {
      await cloud.close();
    });
    beforeEach(async () => {
      apiKey = (await cloud.createShop('Café Lumen')).apiKey;
      a = cloudClient(cloud.url, apiKey, 'pc-a');
      b = cloudClient(cloud.url, apiKey, 'pc-b');
    });

    const cardState = async (token: string) => (await cloud.snapshot(apiKey)).cards.find((c) => c.token === token)!;
    const voucherState = async (token: string) => (await cloud.snapshot(apiKey)).vouchers.find((v) => v.token === token)!;

    it('stamp additions and removals from several devices add up, never lost or doubled', async () => {
      const card = newCard({ stamps: 2 });
      const na = outbox();
      const nb = outbox();
      await a.push([na(created(card))]);
      await Promise.all([
        a.push([na(stamps(card.token, 3)), na(stamps(card.token, -1))]),
        b.push([nb(stamps(card.token, 4)), nb(stamps(card.token, 1))]),
      ]);
      await cloud.simulate.stampInWallet(apiKey, card.token, 2);
      expect((await cardState(card.token)).stamps).toBe(2 + 3 - 1 + 4 + 1 + 2);
      const { changes } = await a.pullAll();
      const last = changes.filter((c): c is Extract<WireChange, { entity: 'card' }> => c.entity === 'card').at(-1)!;
      expect(last.card.stamps).toBe(11);
    });

    it('profile fields: the last write in server order wins, field by field', async () => {
      const card = newCard();
      const na = outbox();
      const nb = outbox();
      await a.push([na(created(card))]);
      await a.push([na(profile(card.token, { phone: '+66811111111', email: 'first@example.com' }))]);
      await b.push([nb(profile(card.token, { phone: '+66822222222' }))]);
      const after = await cardState(card.token);
      expect(after.customer).toEqual({ name: 'Ana Souza', email: 'first@example.com', phone: '+66822222222', birthday: null });
    });

    it('deletion wins: later stamps, edits, vouchers and redemptions are rejected as cardDeleted and nothing comes back', async () => {
      const card = newCard();
      const voucher = newVoucher(card.token);
      const na = outbox();
      const nb = outbox();
      await a.push([na(created(card)), na(issued(voucher))]);
      await a.push([na(deleted(card.token))]);
      const late = await b.push([nb(stamps(card.token, 1)), nb(profile(card.token, { name: 'Back again' })), nb(issued(newVoucher(card.token))), nb(redeemed(voucher.token, 'Till 2'))]);
      expect(late.body.outcomes.map((o) => [o.status, o.reason?.key])).toEqual(Array(4).fill(['rejected', 'cardDeleted']));
      const after = await cardState(card.token);
      expect(after).toMatchObject({ deletedBy: 'Back office', stamps: 0, customer: { name: 'Ana Souza' } });
      expect((await voucherState(voucher.token)).status).toBe('active');
    });

    it('a voucher redeemed on two devices: the first in server order stands, the other is a conflict naming it, and the history says so', async () => {
      const card = newCard();
      const voucher = newVoucher(card.token);
      const na = outbox();
      const nb = outbox();
      await a.push([na(created(card)), na(issued(voucher))]);
      const won = await a.push([na(redeemed(voucher.token, 'Till 1', 1_700_000_005_000), [event('voucher_redeemed', card.token, voucher.token)])]);
      expect(won.body.outcomes[0]!.status).toBe('applied');
      const lost = await b.push([nb(redeemed(voucher.token, 'Till 2', 1_700_000_004_000))]);
      expect(lost.body.outcomes[0]).toMatchObject({
        status: 'conflict',
        reason: { key: 'redeemedElsewhere', params: { seat: 'Till 1', at: 1_700_000_005_000 } },
        detail: { seat: 'Till 1', at: 1_700_000_005_000, deviceId: 'pc-a' },
      });
      expect(await voucherState(voucher.token)).toMatchObject({ status: 'redeemed', redeemedBy: 'Till 1', redeemedAt: 1_700_000_005_000 });
      const history = (await cloud.snapshot(apiKey)).events.filter((e) => e.voucherToken === voucher.token);
      expect(history.at(-1)).toMatchObject({
        type: 'voucher_redeemed',
        cardToken: card.token,
        seat: 'Till 2',
        data: { conflict: 'redeemedElsewhere', standing: { seat: 'Till 1', deviceId: 'pc-a' }, refused: { seat: 'Till 2', deviceId: 'pc-b' } },
      });
      // Device A learns of B's conflict by pulling: outcomes travel in the change log.
      const { changes } = await a.pullAll();
      expect(changes.some((c) => c.entity === 'outcome' && c.deviceId === 'pc-b' && c.outcome.status === 'conflict')).toBe(true);
    });

    it('a generated code another voucher holds is refused as codeTaken; voucher.recoded gives it a new one', async () => {
      const card = newCard();
      const first = newVoucher(card.token, { redeemCode: 'K7Q2' });
      const second = newVoucher(card.token, { redeemCode: 'K7Q2' });
      const na = outbox();
      const nb = outbox();
      await a.push([na(created(card)), na(issued(first))]);
      const refused = await b.push([nb(issued(second))]);
      expect(refused.body.outcomes[0]).toMatchObject({ status: 'conflict', reason: { key: 'codeTaken', params: { code: 'K7Q2' } }, detail: { redeemCode: 'K7Q2' } });
      expect((await voucherState(second.token)).redeemCode).toBeNull();
      expect((await b.push([nb(recoded(second.token, 'K7Q2'))])).body.outcomes[0]!.reason?.key).toBe('codeTaken');
      expect((await b.push([nb(recoded(second.token, 'M3X9'))])).body.outcomes[0]!.status).toBe('applied');
      expect((await voucherState(second.token)).redeemCode).toBe('M3X9');
      expect((await voucherState(first.token)).redeemCode).toBe('K7Q2');
    });

    it('voiding refuses a redeemed voucher; redeeming refuses a voided one', async () => {
      const card = newCard();
      const kept = newVoucher(card.token);
      const gone = newVoucher(card.token);
      const next = outbox();
      await a.push([next(created(card)), next(issued(kept)), next(issued(gone)), next(redeemed(kept.token, 'Till 1')), next(voided(gone.token))]);
      const reply = await a.push([next(voided(kept.token)), next(redeemed(gone.token, 'Till 1'))]);
      expect(reply.body.outcomes.map((o) => [o.status, o.reason?.key])).toEqual([
        ['rejected', 'voucherRedeemed'],
        ['rejected', 'voucherVoided'],
      ]);
      expect((await voucherState(kept.token)).status).toBe('redeemed');
      expect((await voucherState(gone.token)).status).toBe('voided');
    });

    it('events travel with their entries, each uid once; every outcome goes into the change log', async () => {
      const card = newCard();
      const stamped = event('stamp_added', card.token, null, { count: 1 });
      const na = outbox();
      const nb = outbox();
      await a.push([na(created(card), [event('card_issued', card.token)]), na(stamps(card.token, 1), [stamped])]);
      await b.push([nb(stamps(card.token, 1), [stamped])]);
      const snapshot = await cloud.snapshot(apiKey);
      expect(snapshot.events.filter((e) => e.uid === stamped.uid)).toHaveLength(1);
      const { changes } = await b.pullAll();
      for (const change of changes) wireChange.parse(change);
      expect(changes.filter((c) => c.entity === 'event' && c.event.uid === stamped.uid)).toHaveLength(1);
      expect(changes.filter((c) => c.entity === 'outcome').map((c) => (c.entity === 'outcome' ? [c.deviceId, c.outcome.seq] : null))).toEqual([
        ['pc-a', 1],
        ['pc-a', 2],
        ['pc-b', 1],
      ]);
    });

    it('messages: sent from a PC, delivered by the world, both pulled', async () => {
      const card = newCard();
      const next = outbox();
      const op = messageSent(card.token);
      const uid = op.kind === 'message.sent' ? op.uid : '';
      await a.push([next(created(card)), next(op)]);
      await cloud.simulate.pushDelivered(apiKey, uid);
      const { changes } = await b.pullAll();
      const states = changes.filter((c) => c.entity === 'message').map((c) => (c.entity === 'message' ? c.message.status : ''));
      expect(states).toEqual(['sent', 'delivered']);
      expect((await cloud.messages(apiKey))[0]).toMatchObject({ uid, status: 'delivered' });
    });
  });
}
