import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { pullResponse, pushResponse, wireChange, type WireChange } from '../../../shared/schemas/sync-protocol';
import type { Cloud } from '../../support/cloud';
import { cloudClient, type CloudClient } from '../../support/cloud/client';
import { storageLegs } from './cloud-storages';
import { created, deleted, event, issued, messageSent, newCard, newVoucher, outbox, profile, recoded, redeemed, stamps, voided } from './cloud-builders';

/** The reference cloud's protocol and rules over real HTTP, on PGlite and (when named) on a real PostgreSQL server. */
for (const leg of storageLegs) {
  describe.skipIf(leg.skip)(`reference cloud on ${leg.name}`, () => {
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

    it('answers /v1/info with the shop, and refuses a wrong key (401), a wrong protocol (426), a bad body (400)', async () => {
      const info = await a.info();
      expect(info.status).toBe(200);
      expect(info.body).toMatchObject({ protocol: 1, shopName: 'Café Lumen' });
      expect((await cloudClient(cloud.url, 'sdk_wrong', 'pc-a').info()).status).toBe(401);
      const old = await cloudClient(cloud.url, apiKey, 'pc-a', { 'x-stampdesk-protocol': '0' }).info();
      expect(old.status).toBe(426);
      expect(old.body).toMatchObject({ error: { code: 'protocolVersion' } });
      const bad = await a.push({ entries: [{ seq: 1, key: 'k', operation: { kind: 'card.teleported' }, events: [] }] });
      expect(bad.status).toBe(400);
      expect(bad.body).toMatchObject({ error: { code: 'badBody' } });
      expect((await a.push('{not json')).status).toBe(400);
      expect((await a.pull({ cursor: 'not a cursor' })).status).toBe(400);
    });

    it('keeps only a hash of each API key; every shop sees only its own changes', async () => {
      const other = await cloud.createShop('Other shop');
      expect(other.apiKey).not.toBe(apiKey);
      await cloud.simulate.cardSaved(other.apiKey, { name: 'Somchai' });
      const mine = await a.pullAll();
      expect(mine.changes.filter((c) => c.entity === 'card')).toEqual([]);
      expect(mine.changes.filter((c) => c.entity === 'template')).toHaveLength(1);
      expect((await cloudClient(cloud.url, other.apiKey, 'pc-z').pullAll()).changes.some((c) => c.entity === 'card')).toBe(true);
    });

    it('a new shop starts with the default stamp-card template as a change', async () => {
      const { changes } = await a.pullAll();
      expect(changes[0]).toEqual({ version: 1, entity: 'template', template: { id: 1, name: 'Stamp card', version: 1, goal: 8 } });
    });

    it('applies each key once: the same page sent again answers duplicate and the stamps count once', async () => {
      const card = newCard();
      const next = outbox();
      const page = [next(created(card)), next(stamps(card.token, 2)), next(stamps(card.token, 3))];
      const first = await a.push(page);
      expect(first.status).toBe(200);
      expect(pushResponse.parse(first.body).outcomes.map((o) => o.status)).toEqual(['applied', 'applied', 'applied']);
      const again = await a.push(page);
      expect(again.body.outcomes.map((o) => o.status)).toEqual(['duplicate', 'duplicate', 'duplicate']);
      expect(again.body.lastSeq).toBe(3);
      expect((await cardState(card.token)).stamps).toBe(5);
    });

    it('the same page delivered twice at once still applies once', async () => {
      const card = newCard();
      const next = outbox();
      await a.push([next(created(card))]);
      const page = [next(stamps(card.token, 1)), next(stamps(card.token, 1)), next(stamps(card.token, 1))];
      const replies = await Promise.all([a.push(page), a.push(page), a.push(page)]);
      for (const reply of replies) expect(reply.status).toBe(200);
      const statuses = replies.flatMap((r) => r.body.outcomes.map((o) => o.status));
      expect(statuses.filter((s) => s === 'applied')).toHaveLength(3);
      expect((await cardState(card.token)).stamps).toBe(3);
    });

    it('a seq gap stops the push there: 409 with the expected seq, or the outcomes before it', async () => {
      const card = newCard();
      const next = outbox();
      const e1 = next(created(card));
      const e2 = next(stamps(card.token, 1));
      const e3 = next(stamps(card.token, 1));
      const gap = await a.push([e2, e3]);
      expect(gap.status).toBe(409);
      expect(gap.body).toMatchObject({ error: { code: 'seqGap' }, expectedSeq: 1, lastSeq: 0, outcomes: [] });
      const partial = await a.push([e1, e3]);
      expect(partial.status).toBe(200);
      expect(partial.body).toMatchObject({ lastSeq: 1, expectedSeq: 2 });
      expect(partial.body.outcomes.map((o) => o.seq)).toEqual([1]);
      expect((await cardState(card.token)).stamps).toBe(0);
      expect((await a.push([e2, e3])).body.outcomes.map((o) => o.status)).toEqual(['applied', 'applied']);
    });

    it('a key sent again with another payload, or reused at a new seq, is rejected as keyReused and never applied', async () => {
      const card = newCard();
      const next = outbox();
      const e1 = next(created(card));
      const e2 = next(stamps(card.token, 1));
      await a.push([e1, e2]);
      const tampered = await a.push([{ ...e2, operation: stamps(card.token, 50) }]);
      expect(tampered.body.outcomes[0]).toMatchObject({ seq: 2, status: 'rejected', reason: { key: 'keyReused' } });
      const reused = await a.push([{ ...next(stamps(card.token, 7)), key: e2.key }]);
      expect(reused.body.outcomes[0]).toMatchObject({ seq: 3, status: 'rejected', reason: { key: 'keyReused' } });
      expect(reused.body.lastSeq).toBe(3);
      expect((await cardState(card.token)).stamps).toBe(1);
    });

    it('a permanent rejection still advances the watermark, so the entries after it go through', async () => {
      const next = outbox();
      const card = newCard();
      const reply = await a.push([next(stamps('card-nobody', 1)), next(created(card)), next(stamps(card.token, 2))]);
      expect(reply.body.outcomes.map((o) => [o.status, o.reason?.key ?? null])).toEqual([
        ['rejected', 'unknownCard'],
        ['applied', null],
        ['applied', null],
      ]);
      expect(reply.body.lastSeq).toBe(3);
      expect((await a.push([next(stamps(card.token, 1))])).body.outcomes[0]!.status).toBe('applied');
    });

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

    it('pull pages hold whole versions, end with hasMore false, and follow the cursor', async () => {
      const next = outbox();
      const cardsMade = Array.from({ length: 7 }, () => newCard());
      await a.push(cardsMade.map((c) => next(created(c)))); // one version: 7 cards and 7 outcomes
      for (let i = 0; i < 5; i++) await cloud.simulate.cardSaved(apiKey, { name: `Customer ${i}` });
      const pages: WireChange[][] = [];
      let cursor: string | null = null;
      for (;;) {
        const reply = await a.pull({ cursor, limit: 3 });
        const page = pullResponse.parse(reply.body);
        pages.push(page.changes);
        cursor = page.cursor;
        if (!page.hasMore) break;
      }
      const all = pages.flat();
      expect(all.map((c) => c.version)).toEqual([...all.map((c) => c.version)].sort((x, y) => x - y));
      const versions = pages.map((p) => new Set(p.map((c) => c.version)));
      for (let i = 1; i < versions.length; i++) for (const v of versions[i]!) expect(versions[i - 1]!.has(v)).toBe(false);
      expect(pages.some((p) => p.length === 14)).toBe(true); // the push's version came whole though the limit is 3
      expect(all.filter((c) => c.entity === 'card')).toHaveLength(12);
      const after = await a.pull({ cursor });
      expect(after.body).toMatchObject({ changes: [], cursor, hasMore: false, reset: false });
    });

    it('a cursor from another epoch answers reset with the changes from the start', async () => {
      await cloud.simulate.cardSaved(apiKey, { name: 'Aylin' });
      const reply = await a.pull({ cursor: 'someotherepoch:99' });
      expect(reply.body.reset).toBe(true);
      expect(reply.body.changes[0]).toMatchObject({ version: 1, entity: 'template' });
      expect(reply.body.cursor.endsWith(':2')).toBe(true);
    });

    it('a long-poll is answered as soon as a change commits, well before its wait runs out', { timeout: 12_000 }, async () => {
      const { cursor } = await a.pullAll();
      const waiting = a.pull({ cursor, wait: 25 });
      await new Promise((resolve) => setTimeout(resolve, 300));
      const card = await cloud.simulate.cardSaved(apiKey, { name: 'Kim Min-jun' });
      const reply = await waiting;
      expect(reply.status).toBe(200);
      expect(reply.body.changes.some((c) => c.entity === 'card' && c.card.token === card.token)).toBe(true);
    });

    it('a long-poll with nothing new answers empty when its wait is up, and a push goes through meanwhile', async () => {
      const { cursor } = await a.pullAll();
      const waiting = b.pull({ cursor, wait: 1 });
      const next = outbox();
      expect((await a.push([next(created(newCard()))])).status).toBe(200);
      const woke = await waiting;
      expect(woke.body.changes.length).toBeGreaterThan(0);
      const idle = await b.pull({ cursor: woke.body.cursor, wait: 1 });
      expect(idle.body).toMatchObject({ changes: [], hasMore: false, cursor: woke.body.cursor });
    });

    it('the world: a saved card gets the next number and the default template; a wallet stamp counts', async () => {
      const next = outbox();
      await a.push([next(created(newCard({ number: 41 })))]);
      const card = await cloud.simulate.cardSaved(apiKey, { name: 'Priya Patel', email: 'priya@example.com' });
      expect(card).toMatchObject({ number: 42, templateId: 1, templateVersion: 1, goal: 8, stamps: 0, customer: { name: 'Priya Patel', email: 'priya@example.com' } });
      await cloud.simulate.stampInWallet(apiKey, card.token);
      expect((await cardState(card.token)).stamps).toBe(1);
      const history = (await cloud.snapshot(apiKey)).events.filter((e) => e.cardToken === card.token).map((e) => [e.type, e.seat]);
      expect(history).toEqual([
        ['card_saved', 'wallet'],
        ['stamp_added', 'wallet'],
      ]);
    });

    it('many customers saving cards at once: numbered in a row, pulled in pages of whole versions', async () => {
      expect(await cloud.simulate.manyCardsSaved(apiKey, 2_500)).toBe(2_500);
      const { changes, pages } = await a.pullAll(null, 1_000);
      const numbers = changes.flatMap((c) => (c.entity === 'card' ? [c.card.number] : []));
      expect(numbers).toEqual(Array.from({ length: 2_500 }, (_, i) => i + 1));
      // The template's version, then three versions of up to 1,000 cards and their events: each is over the limit
      // of 1,000 and comes whole in a page of its own.
      expect(pages).toBe(4);
    });

    it('the admin routes need the admin token and do what the programmatic ones do', async () => {
      const admin = (path: string, body: unknown, token = cloud.adminToken) =>
        fetch(`${cloud.url}${path}`, { method: path.endsWith('faults') ? 'PUT' : 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
      expect((await admin('/admin/shops', { name: 'X' }, apiKey)).status).toBe(401);
      const shop = (await (await admin('/admin/shops', { name: 'Branch 2' })).json()) as { apiKey: string };
      expect((await cloudClient(cloud.url, shop.apiKey, 'pc-a').info()).body.shopName).toBe('Branch 2');
      const card = (await (await admin('/admin/simulate/card-saved', { apiKey, name: 'Rahul Shah' })).json()) as { token: string };
      expect((await admin('/admin/simulate/stamp', { apiKey, cardToken: card.token, delta: 3 })).status).toBe(200);
      expect((await admin('/admin/simulate/stamp', { apiKey, cardToken: 'card-nobody' })).status).toBe(404);
      const snapshot = (await (await admin('/admin/snapshot', { apiKey })).json()) as { cards: { stamps: number }[] };
      expect(snapshot.cards[0]!.stamps).toBe(3);
      expect((await admin('/admin/faults', { status: 503 })).status).toBe(200);
      expect((await a.info()).status).toBe(503);
      expect((await fetch(`${cloud.url}/admin/faults`, { method: 'DELETE', headers: { authorization: `Bearer ${cloud.adminToken}` } })).status).toBe(200);
      expect((await a.info()).status).toBe(200);
    });
  });
}
