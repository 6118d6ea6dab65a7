import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../../electron/core/create-core';
import { checkGeneratedInput, formatRedeemCode } from '../../../../shared/domain/redeem-code';
import { dbFingerprint } from '../../../support/db-fingerprint';
import { makeTempDir, MIGRATIONS_DIR } from '../../../support/temp-dir';
import { zbarDecodeBytes, zbarDecodePdf } from '../../../support/zbar';

const HEADER = 'card_id,name,email,phone,template_id,template_version,stamps,goal,platforms,created_at,last_stamp_at';

describe('vouchers in the core, on a real SQLite file', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let core: Core;
  let now = Date.parse('2026-11-23T10:00:00Z');
  const call = (method: string, input: unknown, seat?: string) => core.call(method, input, seat);
  const value = async <T>(method: string, input: unknown, seat?: string): Promise<T> => {
    const result = await call(method, input, seat);
    if (!result.ok) throw new Error(`${method}: ${result.error.field} ${result.error.message}`);
    return result.value as T;
  };
  type Issued = { batchId: number | null; vouchers: Array<{ id: number; token: string; redeemCode: string | null; expiresAt: number | null }> };
  type Redeemed = { outcome: string; voucher?: { id: number; status: string; redeemedBy: string | null }; candidates?: Array<{ id: number }>; lockedUntil?: number };

  beforeEach(async () => {
    temp = makeTempDir();
    now = Date.parse('2026-11-23T10:00:00Z');
    core = createCore({ dataDir: temp.dir, migrationsDir: MIGRATIONS_DIR, version: 't', now: () => now });
    await value('settings.set', { timeZone: 'Asia/Bangkok', shopName: 'Café' });
    await value('cards.importCsv', { csv: `${HEADER}\n113772,Olivia Smith,o@example.com,,1024,2,2,8,apple,2026-01-10,\n`, dryRun: false });
  });
  afterEach(() => {
    core.close();
    temp.cleanup();
  });

  it('a voucher for a card lands in its history and in the outbox for the wallet', async () => {
    const issued = await value<Issued>('vouchers.issue', {
      cardId: 113772,
      title: 'Sorry the order arrived cold',
      redeemCode: null,
      validity: { kind: 'days', days: 30 },
    });
    expect(issued.vouchers).toHaveLength(1);
    expect(issued.vouchers[0]!.token).toMatch(/^V[0-9A-Z]{25}$/);
    expect(issued.vouchers[0]!.expiresAt).toBe(Date.parse('2026-12-23T10:00:00Z'));
    const history = await value<{ items: Array<{ type: string }> }>('cards.history', { id: 113772 });
    expect(history.items[0]!.type).toBe('voucher_issued');
    expect(core.db.sqlite.prepare("SELECT count(*) AS n FROM outbox WHERE kind = 'voucher.issued'").get()).toEqual({ n: 1 });
  });

  it('a free batch: unique generated codes with a valid check symbol, one batch, one outbox entry', async () => {
    const issued = await value<Issued>('vouchers.issue', {
      title: 'Opening party',
      redeemCode: { kind: 'generated' },
      validity: { kind: 'fixed', date: '2026-12-31' },
      quantity: 500,
    });
    expect(issued.batchId).not.toBeNull();
    const codes = issued.vouchers.map((v) => v.redeemCode!);
    expect(new Set(codes).size).toBe(500);
    for (const code of codes) expect(checkGeneratedInput(code).kind).toBe('generated');
    // FIXED DATE: end of 31 Dec in Bangkok
    expect(issued.vouchers[0]!.expiresAt).toBe(Date.parse('2026-12-31T17:00:00Z'));
    const csv = await value<{ rows: number; csv: string }>('vouchers.exportCsv', { batchId: issued.batchId });
    expect(csv.rows).toBe(500);
    expect(csv.csv).toContain(formatRedeemCode(codes[0]!));
    // one voucher's code, with the same columns
    const one = await value<{ rows: number; csv: string; fileName: string }>('vouchers.exportCsv', { id: issued.vouchers[7]!.id });
    expect(one.rows).toBe(1);
    expect(one.csv.split('\r\n')[0]).toBe(csv.csv.split('\r\n')[0]);
    expect(one.csv).toContain(`${formatRedeemCode(codes[7]!)},Opening party,active,`);
    expect(await call('vouchers.exportCsv', { id: 1, batchId: issued.batchId })).toMatchObject({ ok: false, error: { field: 'id' } });
    expect(await call('vouchers.exportCsv', { id: 999_999 })).toMatchObject({ ok: false, error: { code: 'not_found', field: 'id' } });
  });

  it('redeems once; then says already redeemed, when and where; typos are caught by the check symbol', async () => {
    const [voucher] = (await value<Issued>('vouchers.issue', { title: 'Gift', redeemCode: { kind: 'generated' }, validity: { kind: 'unlimited' } })).vouchers;
    const typed = formatRedeemCode(voucher!.redeemCode!).toLowerCase().replace(/-/g, ' ');
    expect((await value<Redeemed>('vouchers.redeem', { input: typed }, 'Counter 2')).outcome).toBe('redeemed');
    const again = await value<Redeemed>('vouchers.redeem', { input: voucher!.token });
    expect(again.outcome).toBe('already_redeemed');
    expect(again.voucher!.redeemedBy).toBe('Counter 2');
    const code = voucher!.redeemCode!;
    const typo = code.slice(0, 3) + (code[3] === 'A' ? 'B' : 'A') + code.slice(4);
    expect((await value<Redeemed>('vouchers.redeem', { input: typo })).outcome).toBe('invalid_check');
    expect((await value<Redeemed>('vouchers.redeem', { input: 'NOSUCHCODE' })).outcome).toBe('unknown');
  });

  it('100 simultaneous redemptions of one voucher give exactly one "redeemed"', async () => {
    const [voucher] = (await value<Issued>('vouchers.issue', { title: 'Gift', redeemCode: { kind: 'generated' }, validity: { kind: 'unlimited' } })).vouchers;
    const results = await Promise.all(Array.from({ length: 100 }, (_, i) => value<Redeemed>('vouchers.redeem', { input: voucher!.token }, `Seat ${i}`)));
    expect(results.filter((r) => r.outcome === 'redeemed')).toHaveLength(1);
    expect(results.filter((r) => r.outcome === 'already_redeemed')).toHaveLength(99);
    expect(core.db.sqlite.prepare("SELECT count(*) AS n FROM events WHERE type = 'voucher_redeemed'").get()).toEqual({ n: 1 });
  });

  it('a shared POS code: one active voucher is redeemed directly, several ask the staff to pick', async () => {
    await value('vouchers.issue', { title: 'Coffee A', redeemCode: { kind: 'static', code: 'freecoffee' }, validity: { kind: 'unlimited' } });
    const one = await value<Redeemed>('vouchers.redeem', { input: 'FREECOFFEE' });
    expect(one.outcome).toBe('redeemed');
    await value('vouchers.issue', { title: 'Coffee B', redeemCode: { kind: 'static', code: 'FREECOFFEE' }, validity: { kind: 'unlimited' } });
    await value('vouchers.issue', { title: 'Coffee C', redeemCode: { kind: 'static', code: 'FREECOFFEE' }, validity: { kind: 'unlimited' } });
    const ambiguous = await value<Redeemed>('vouchers.redeem', { input: 'free coffee' });
    expect(ambiguous.outcome).toBe('ambiguous');
    expect(ambiguous.candidates).toHaveLength(2);
    const picked = await value<Redeemed>('vouchers.redeem', { input: 'FREECOFFEE', voucherId: ambiguous.candidates![1]!.id });
    expect(picked).toMatchObject({ outcome: 'redeemed', voucher: { id: ambiguous.candidates![1]!.id } });
    expect((await value<Redeemed>('vouchers.redeem', { input: 'FREECOFFEE' })).outcome).toBe('redeemed');
    expect((await value<Redeemed>('vouchers.redeem', { input: 'FREECOFFEE' })).outcome).toBe('already_redeemed');
  });

  it('the vouchers list finds a code however it is typed, and titles by any part', async () => {
    await value('vouchers.issue', { title: 'Coffee', redeemCode: { kind: 'static', code: 'FREECOFFEE' }, validity: { kind: 'unlimited' } });
    await value('vouchers.issue', { title: 'Cake', redeemCode: { kind: 'static', code: 'SUMMER-24' }, validity: { kind: 'unlimited' } });
    const [gift] = (await value<Issued>('vouchers.issue', { title: 'Birthday gift', redeemCode: { kind: 'generated' }, validity: { kind: 'unlimited' } })).vouchers;
    const found = async (query: string) =>
      (await value<{ items: Array<{ title: string }> }>('vouchers.list', { query })).items.map((v) => v.title).sort();
    expect(await found('FREECOFFEE')).toEqual(['Coffee']); // a POS code with O's: not read as zeros only
    expect(await found('freecoffee')).toEqual(['Coffee']);
    expect(await found('summer-24')).toEqual(['Cake']);
    const printed = formatRedeemCode(gift!.redeemCode!);
    expect(await found(printed.toLowerCase())).toEqual(['Birthday gift']); // as printed, any case
    expect(await found(printed.slice(0, 6))).toEqual(['Birthday gift']); // by its start, hyphen and all
    expect(await found('day gi')).toEqual(['Birthday gift']); // any part of a title
    expect(await found('nothing like this')).toEqual([]);
  });

  it('a background sweep records expiry in the card history without anyone reading vouchers', async () => {
    core.close();
    core = createCore({ dataDir: temp.dir, migrationsDir: MIGRATIONS_DIR, version: 't', now: () => now, expirySweepMs: 20 });
    const [gift] = (await value<Issued>('vouchers.issue', { cardId: 113772, title: 'Gift', redeemCode: null, validity: { kind: 'days', days: 1 } })).vouchers;
    const expiredEvents = () => core.db.sqlite.prepare("SELECT voucher_id AS voucherId, at FROM events WHERE type = 'voucher_expired'").all();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(expiredEvents()).toEqual([]); // not due yet
    now += 2 * 86_400_000;
    await expect.poll(expiredEvents, { timeout: 2_000 }).toEqual([{ voucherId: gift!.id, at: gift!.expiresAt }]);
    const history = await value<{ items: Array<{ type: string; at: number }> }>('cards.history', { id: 113772 });
    expect(history.items[0]).toMatchObject({ type: 'voucher_expired', at: gift!.expiresAt });
  });

  it('expiry applies by time everywhere, with a voucher_expired event; voided vouchers say so', async () => {
    const [soon] = (await value<Issued>('vouchers.issue', { title: 'Soon', redeemCode: { kind: 'generated' }, validity: { kind: 'days', days: 1 } })).vouchers;
    const [other] = (await value<Issued>('vouchers.issue', { title: 'Other', redeemCode: { kind: 'generated' }, validity: { kind: 'unlimited' } })).vouchers;
    now += 2 * 86_400_000;
    const list = await value<{ items: Array<{ id: number; status: string }> }>('vouchers.list', {});
    expect(list.items.find((v) => v.id === soon!.id)!.status).toBe('expired');
    expect((await value<Redeemed>('vouchers.redeem', { input: soon!.token })).outcome).toBe('expired');
    expect(core.db.sqlite.prepare("SELECT count(*) AS n FROM events WHERE type = 'voucher_expired'").get()).toEqual({ n: 1 });
    expect(await call('vouchers.void', { id: other!.id, reason: '  ' })).toMatchObject({ ok: false, error: { field: 'reason' } });
    await value('vouchers.void', { id: other!.id, reason: 'Printed twice' });
    expect((await value<Redeemed>('vouchers.redeem', { input: other!.redeemCode! })).outcome).toBe('voided');
    expect(await call('vouchers.void', { id: other!.id, reason: 'again' })).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });

  it('repeated unknown codes pause scanning on this installation for a while, whatever the seat is called', async () => {
    await value('settings.set', { scanLockAfter: 3, scanLockMinutes: 5 });
    const [voucher] = (await value<Issued>('vouchers.issue', { title: 'Gift', redeemCode: { kind: 'generated' }, validity: { kind: 'unlimited' } })).vouchers;
    for (let i = 0; i < 3; i++) expect((await value<Redeemed>('vouchers.redeem', { input: `GUESS${i}` }, 'Kiosk')).outcome).toBe('unknown');
    const locked = await value<Redeemed>('vouchers.redeem', { input: voucher!.token }, 'Kiosk');
    expect(locked.outcome).toBe('locked');
    expect(locked.lockedUntil).toBe(now + 5 * 60_000);
    // the pause belongs to the installation (issue 8): another seat name on it is paused too
    expect((await value<Redeemed>('vouchers.redeem', { input: voucher!.token }, 'Counter 1')).outcome).toBe('locked');
    now += 6 * 60_000;
    expect((await value<Redeemed>('vouchers.redeem', { input: voucher!.token }, 'Kiosk')).outcome).toBe('redeemed');
    expect(core.db.sqlite.prepare("SELECT count(*) AS n FROM scan_failures WHERE seat = 'Kiosk'").get()).toEqual({ n: 3 });
  });

  it('scanning a card shows it and adds a stamp, but not twice within the cooldown', async () => {
    const scanned = await value<{ kind: string; card: { id: number }; stampWaitSeconds: number }>('scan.submit', { input: '113772' });
    expect(scanned).toMatchObject({ kind: 'card', card: { id: 113772 }, stampWaitSeconds: 0 });
    const stamped = await value<{ stamps: number }>('cards.addStamp', { id: 113772 });
    expect(stamped.stamps).toBe(3);
    expect(await call('cards.addStamp', { id: 113772 })).toMatchObject({ ok: false, error: { code: 'conflict', field: 'id' } });
    expect((await value<{ stampWaitSeconds: number }>('scan.submit', { input: '113772' })).stampWaitSeconds).toBe(30);
    now += 31_000;
    expect((await value<{ stamps: number }>('cards.addStamp', { id: 113772 })).stamps).toBe(4);
  });

  it('refuses bad vouchers with a clear field error and stores nothing', async () => {
    const before = dbFingerprint(core.db);
    const base = { title: 'Gift', redeemCode: null, validity: { kind: 'unlimited' } };
    const bad: Array<[Record<string, unknown>, string]> = [
      [{ ...base, title: '   ' }, 'title'],
      [{ ...base, title: 'x'.repeat(101) }, 'title'],
      [{ ...base, redeemCode: { kind: 'static', code: 'FREE COFFEE!' } }, 'redeemCode'],
      [{ ...base, redeemCode: { kind: 'static', code: 'CAFÉ' } }, 'redeemCode'],
      [{ ...base, quantity: 0 }, 'quantity'],
      [{ ...base, quantity: 10_001 }, 'quantity'],
      [{ ...base, validity: { kind: 'fixed', date: '2026-11-22' } }, 'validity.date'],
      [{ ...base, validity: { kind: 'fixed', date: '2026-02-30' } }, 'validity'],
      [{ ...base, validity: { kind: 'days', days: 0 } }, 'validity'],
      [{ ...base, cardId: 999999 }, 'id'],
      [{ ...base, cardId: 113772, quantity: 3 }, 'quantity'],
      [{ ...base, imageId: 'a'.repeat(64) }, 'imageId'],
    ];
    for (const [input, field] of bad) {
      const result = await call('vouchers.issue', input);
      expect(result.ok, JSON.stringify(input).slice(0, 80)).toBe(false);
      if (!result.ok) expect(result.error.field ?? '', JSON.stringify(input).slice(0, 80)).toContain(field);
    }
    expect(dbFingerprint(core.db)).toBe(before);
  });

  it('renders a voucher as PNG and PDF whose codes zbarimg reads back exactly', async () => {
    const [voucher] = (await value<Issued>('vouchers.issue', { title: 'กาแฟฟรี', redeemCode: { kind: 'generated' }, validity: { kind: 'unlimited' } })).vouchers;
    const code = formatRedeemCode(voucher!.redeemCode!);
    const png = await value<{ base64: string; mime: string }>('vouchers.render', { id: voucher!.id, format: 'png' });
    expect(png.mime).toBe('image/png');
    expect(zbarDecodeBytes(Buffer.from(png.base64, 'base64')).sort()).toEqual([code, voucher!.token].sort());
    const pdf = await value<{ base64: string }>('vouchers.render', { id: voucher!.id, format: 'pdf' });
    expect(zbarDecodePdf(Buffer.from(pdf.base64, 'base64'), 200)[0]!.sort()).toEqual([code, voucher!.token].sort());
  });
});
