import { describe, expect, it } from 'vitest';
import { cardsCsv, expectConverged, snapshots, syncUntilQuiet, useShop, type Pc } from '../../support/sync-harness';

interface Issued {
  vouchers: Array<{ id: number; token: string; redeemCode: string | null }>;
}

describe('two PCs with their own data folders and one reference cloud', () => {
  const shop = useShop(['Till A', 'Till B']);

  it('converge on the same cards, vouchers, stamps, redemptions and history, equal to the cloud', async () => {
    const [a, b] = shop().pcs as [Pc, Pc];
    await a.value('cards.importCsv', { csv: cardsCsv(200001, 3), dryRun: false });
    const saved = await shop().cloud.simulate.cardSaved(shop().apiKey, { name: 'Wallet Walker', email: 'walker@example.com' });
    await syncUntilQuiet([a, b]);

    // B sees A's imported cards and the card a customer saved in the wallet
    expect((await b.value<{ stamps: number }>('cards.get', { id: 200001 })).stamps).toBe(0);
    expect((await a.value<{ token: string }>('cards.get', { id: saved.number })).token).toBe(saved.token);

    await a.value('cards.adjustStamps', { id: 200001, delta: 3, reason: 'Welcome' });
    await b.value('cards.addStamp', { id: 200001 });
    await b.value('cards.addStamp', { id: saved.number });
    const issued = await a.value<Issued>('vouchers.issue', {
      cardId: 200002,
      title: 'Free coffee',
      redeemCode: { kind: 'generated' },
      validity: { kind: 'unlimited' },
    });
    await a.value('cards.sendMessage', { id: 200003, email: { subject: 'Hello', body: 'A stamp is waiting for you.' } });
    await b.value('cards.sendMessage', { id: saved.number, push: 'Hello' });
    await shop().cloud.simulate.stampInWallet(shop().apiKey, saved.token, 2);
    await syncUntilQuiet([a, b]);

    const redeemed = await b.value<{ outcome: string }>('vouchers.redeem', { input: issued.vouchers[0]!.redeemCode! });
    expect(redeemed.outcome).toBe('redeemed');
    await a.value('cards.delete', { id: 200003 });
    await syncUntilQuiet([a, b]);

    const cloud = await expectConverged(shop(), (actual, expected) => expect(actual).toEqual(expected));
    const card = (number: number) => cloud.cards.find((c) => c.number === number)!;
    expect(card(200001).stamps).toBe(4);
    expect(card(saved.number).stamps).toBe(3);
    expect(card(200003).deletedAt).not.toBeNull();
    expect(cloud.vouchers).toEqual([expect.objectContaining({ token: issued.vouchers[0]!.token, status: 'redeemed', redeemedBy: 'Till B' })]);
    // history: each event once, by its uid, made on either PC or in the cloud
    expect(new Set(cloud.events.map((e) => e.uid)).size).toBe(cloud.events.length);
    expect(cloud.events.filter((e) => e.type === 'stamp_added' && e.seat === 'Till B')).toHaveLength(2);
    expect(cloud.events.filter((e) => e.type === 'voucher_redeemed')).toHaveLength(1);
    expect(cloud.events.filter((e) => e.type === 'card_deleted')).toHaveLength(1);
  });

  it('a PC added later pulls the whole shop and equals the others', async () => {
    const [a, b] = shop().pcs as [Pc, Pc];
    await a.value('cards.importCsv', { csv: cardsCsv(300001, 20), dryRun: false });
    await syncUntilQuiet([a, b]);
    await b.value('cards.adjustStamps', { id: 300005, delta: 2, reason: 'Opening' });
    await syncUntilQuiet([a, b]);
    const c = await shop().addPc('Till C');
    await syncUntilQuiet([a, b, c]);
    const { cloud, pcs } = await snapshots(shop());
    expect(pcs['Till C']).toEqual(cloud);
    expect(cloud.cards).toHaveLength(20);
    expect(cloud.cards.find((card) => card.number === 300005)!.stamps).toBe(2);
  });
});
