import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../../electron/core/create-core';
import { dbFingerprint } from '../../../support/db-fingerprint';
import { makeTempDir, MIGRATIONS_DIR } from '../../../support/temp-dir';

const HEADER = 'card_id,name,email,phone,template_id,template_version,stamps,goal,platforms,created_at,last_stamp_at';
const MINUTE = 60_000;

type Redeemed = { outcome: string; lockedUntil?: number; voucher?: { redeemedBy: string | null } };
type Pause = { id: number; seat: string; startedAt: number; until: number; failures: number; endedAt: number | null; endedBy: string | null };
type Status = { pause: Pause | null; recent: Pause[] };

/**
 * The scan pause (the guard against guessing codes at Scan & Redeem) on a real SQLite file with the core's
 * injectable clock: it counts only what happened after the last pause, it belongs to this installation and
 * not to a seat name, it holds for stamps too, and a person can end it, which is recorded.
 */
describe('the scan pause holds', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let core: Core;
  let now = Date.parse('2026-11-23T10:00:00Z');
  const call = (method: string, input: unknown, seat?: string) => core.call(method, input, seat);
  const value = async <T>(method: string, input: unknown, seat?: string): Promise<T> => {
    const result = await call(method, input, seat);
    if (!result.ok) throw new Error(`${method}: ${result.error.field} ${result.error.message}`);
    return result.value as T;
  };
  const redeem = (input: string, seat?: string) => value<Redeemed>('vouchers.redeem', { input }, seat);
  let gift: string;

  /** Three unknown codes in a row: the third pauses scanning (scanLockAfter 3, for 5 minutes). */
  const guessThrice = async (seat?: string) => {
    const answers: Redeemed[] = [];
    for (let i = 0; i < 3; i++) {
      answers.push(await redeem(`GUESS-${now}-${i}`, seat));
      now += 1000;
    }
    return answers;
  };

  beforeEach(async () => {
    temp = makeTempDir();
    now = Date.parse('2026-11-23T10:00:00Z');
    core = createCore({ dataDir: temp.dir, migrationsDir: MIGRATIONS_DIR, version: 't', now: () => now, expirySweepMs: 0 });
    await value('settings.set', { timeZone: 'Asia/Bangkok', scanLockAfter: 3, scanLockMinutes: 5, scanCooldownSeconds: 30 });
    await value('cards.importCsv', { csv: `${HEADER}\n113772,Olivia Smith,o@example.com,,1024,2,2,8,apple,2026-01-10,\n`, dryRun: false });
    const issued = await value<{ vouchers: Array<{ token: string }> }>('vouchers.issue', {
      title: 'Gift',
      redeemCode: { kind: 'generated' },
      validity: { kind: 'unlimited' },
    });
    gift = issued.vouchers[0]!.token;
  });
  afterEach(() => {
    core.close();
    temp.cleanup();
  });

  it('after a pause runs out, only what happened after it counts: one unknown code does not pause again, a valid voucher is redeemed', async () => {
    const answers = await guessThrice();
    expect(answers.map((a) => a.outcome)).toEqual(['unknown', 'unknown', 'unknown']);
    const until = answers[2]!.lockedUntil!;
    expect(until).toBe(now - 1000 + 5 * MINUTE);
    expect((await redeem(gift)).outcome).toBe('locked');

    now = until + 1000; // the pause is over; the three failures are still within the 10-minute window
    const again = await redeem('ANOTHER-GUESS');
    expect(again.outcome).toBe('unknown');
    expect(again.lockedUntil).toBeUndefined();
    expect((await redeem(gift)).outcome).toBe('redeemed');

    // the count starts again after the pause: two more unknown codes make three since then, which pause again
    now += 1000;
    expect((await redeem('GUESS-AFTER-1')).lockedUntil).toBeUndefined();
    now += 1000;
    expect((await redeem('GUESS-AFTER-2')).lockedUntil).toBe(now + 5 * MINUTE);
  });

  it('is tied to this installation, not to a seat name: another name is paused too, and failures add up across names', async () => {
    for (let i = 0; i < 2; i++) expect((await redeem(`GUESS-A${i}`, 'Kiosk')).outcome).toBe('unknown');
    await value('settings.set', { seatName: 'Counter 9' }); // not paused yet: a rename is allowed
    const third = await redeem('GUESS-B0');
    expect(third.lockedUntil).toBeGreaterThan(now);
    // whatever the seat is called, this computer is paused, for vouchers, cards and stamps
    for (const seat of [undefined, 'Kiosk', 'Counter 1', 'back-office']) expect((await redeem(gift, seat)).outcome).toBe('locked');
    const scanned = await value<{ kind: string; result?: { outcome: string } }>('scan.submit', { input: '113772' }, 'Somewhere else');
    expect(scanned).toMatchObject({ kind: 'voucher', result: { outcome: 'locked' } });
    // events still record the seat's name: the pause row names the seat that was paused
    const status = await value<Status>('scan.status', {});
    expect(status.pause).toMatchObject({ seat: 'Counter 9', failures: 3, endedAt: null });
  });

  it('refuses changes to the seat name and the scanning limits while paused, and allows them again afterwards', async () => {
    await guessThrice();
    const before = dbFingerprint(core.db);
    const locked: Array<[string, unknown]> = [
      ['seatName', 'Counter 9'],
      ['scanLockAfter', 1000],
      ['scanLockMinutes', 1],
      ['scanCooldownSeconds', 0],
    ];
    for (const [field, next] of locked) {
      const result = await call('settings.set', { [field]: next });
      expect(result, field).toMatchObject({ ok: false, error: { code: 'conflict', field, key: 'apiErrors.scanPause.settingsLocked' } });
    }
    expect(await call('settings.set', { shopName: 'Café', seatName: 'Counter 9' })).toMatchObject({ ok: false, error: { field: 'seatName' } });
    expect(dbFingerprint(core.db)).toBe(before);
    // the same values, or other settings, may still be saved
    expect((await call('settings.set', { shopName: 'Café', seatName: 'back-office', scanLockAfter: 3 })).ok).toBe(true);

    now += 5 * MINUTE;
    expect((await value<{ seatName: string }>('settings.set', { seatName: 'Counter 9' })).seatName).toBe('Counter 9');
    expect((await value<{ scanLockAfter: number }>('settings.set', { scanLockAfter: 10 })).scanLockAfter).toBe(10);
  });

  it('cards.addStamp is refused while paused and the card keeps its stamps', async () => {
    await guessThrice();
    const result = await call('cards.addStamp', { id: 113772 });
    expect(result).toMatchObject({ ok: false, error: { code: 'conflict', field: 'id', key: 'apiErrors.scanPause.stampRefused' } });
    expect((await value<{ stamps: number }>('cards.get', { id: 113772 })).stamps).toBe(2);
    now += 5 * MINUTE;
    expect((await value<{ stamps: number }>('cards.addStamp', { id: 113772 })).stamps).toBe(3);
  });

  it('a person can end a pause: scanning works at once, and the act is in the pause history with who and when', async () => {
    expect(await value<Status>('scan.status', {})).toEqual({ pause: null, recent: [] });
    await guessThrice();
    const paused = await value<Status>('scan.status', {});
    expect(paused.pause).toMatchObject({ seat: 'back-office', failures: 3, endedAt: null, endedBy: null });
    now += MINUTE;
    const ended = await value<Status>('scan.endPause', { pauseId: paused.pause!.id }, 'Manager');
    expect(ended.pause).toBeNull();
    expect(ended.recent[0]).toMatchObject({ id: paused.pause!.id, endedAt: now, endedBy: 'Manager' });
    // scanning works at once, and the failures before the pause no longer count
    expect((await redeem('ONE-MORE-GUESS')).lockedUntil).toBeUndefined();
    expect((await redeem(gift)).outcome).toBe('redeemed');
    // ending it again, or a pause that is not the current one, is refused
    expect(await call('scan.endPause', { pauseId: paused.pause!.id })).toMatchObject({ ok: false, error: { code: 'conflict', key: 'apiErrors.scanPause.notPaused' } });
    // the history survives a restart
    core.close();
    core = createCore({ dataDir: temp.dir, migrationsDir: MIGRATIONS_DIR, version: 't', now: () => now, expirySweepMs: 0 });
    expect((await value<Status>('scan.status', {})).recent[0]).toMatchObject({ endedBy: 'Manager', failures: 3 });
  });

  it('a pause survives a restart, and the installation id is made once per data folder', async () => {
    const id = () => core.db.sqlite.prepare('SELECT installation_id FROM installation').pluck().all() as string[];
    const first = id();
    expect(first).toHaveLength(1);
    expect(first[0]).toMatch(/^[0-9a-f]{32}$/);
    await guessThrice();
    core.close();
    core = createCore({ dataDir: temp.dir, migrationsDir: MIGRATIONS_DIR, version: 't', now: () => now, expirySweepMs: 0 });
    expect(id()).toEqual(first);
    expect((await redeem(gift, 'New name')).outcome).toBe('locked');

    const other = makeTempDir();
    const elsewhere = createCore({ dataDir: other.dir, migrationsDir: MIGRATIONS_DIR, version: 't', now: () => now, expirySweepMs: 0 });
    try {
      expect(elsewhere.db.sqlite.prepare('SELECT installation_id FROM installation').pluck().get()).not.toBe(first[0]);
    } finally {
      elsewhere.close();
      other.cleanup();
    }
  });
});
