import type { Db } from '../db/client';
import { insertDemoVouchers, type DemoVoucherRow } from '../db/repos/demo-seed.repo';
import { newGeneratedCodes, newVoucherTokens } from '../vouchers/tokens';

const TITLES = ['Free coffee', 'Birthday gift', 'Sorry the order arrived cold', 'Opening party', 'Loyalty bonus', 'ขนมฟรี', '무료 음료'];
const DAY = 86_400_000;

/** Fills a shop with `count` free demo vouchers: mostly active, some redeemed, expired or voided. */
export function seedDemoVouchers(db: Db, count: number, now = Date.now()): void {
  for (let done = 0; done < count; done += 20_000) {
    const n = Math.min(20_000, count - done);
    const tokens = newVoucherTokens(n);
    const codes = newGeneratedCodes(n);
    const rows: DemoVoucherRow[] = tokens.map((token, i) => {
      const k = done + i;
      return {
        token,
        code: codes[i]!,
        title: TITLES[k % TITLES.length]!,
        status: k % 10 === 0 ? 'redeemed' : k % 37 === 0 ? 'voided' : 'active',
        issuedAt: now - (k % 365) * DAY,
        expiresAt: k % 3 === 0 ? null : now + ((k % 90) + 1) * DAY,
      };
    });
    insertDemoVouchers(db, rows);
  }
}
