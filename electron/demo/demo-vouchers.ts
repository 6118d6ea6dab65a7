import type { IssueVoucherInput } from '../../shared/schemas/vouchers';
import type { Db } from '../db/client';
import { firstLiveCardIds } from '../db/repos/demo-seed.repo';
import { issueVouchers } from '../vouchers/issue-vouchers';
import { redeemVoucher } from '../vouchers/redeem-voucher';
import { voidVoucher } from '../vouchers/voucher-service';

const DAY = 86_400_000;

/**
 * A demo shop's voucher story, made through the real services so statuses, events and history agree:
 * vouchers for customers (active, redeemed, expired), a printed batch partly redeemed with one voided, and
 * a POS promo code shared by two vouchers. Returns how many vouchers it made.
 */
export function seedDemoVoucherStory(db: Db, now = Date.now()): number {
  const at = (daysAgo: number, seat = 'back-office') => ({ seat, now: () => now - daysAgo * DAY });
  const issue = (input: IssueVoucherInput, daysAgo: number) => issueVouchers(db, input, at(daysAgo)).vouchers;
  const redeem = (token: string, daysAgo: number, seat: string) => redeemVoucher(db, token, undefined, at(daysAgo, seat));
  let made = 0;

  const [first, second, third] = firstLiveCardIds(db, 3);
  if (first !== undefined) made += issue({ cardId: first, title: 'Sorry the order arrived cold', redeemCode: null, validity: { kind: 'days', days: 30 } }, 2).length;
  if (second !== undefined) {
    const [gift] = issue({ cardId: second, title: 'Birthday gift', description: 'A slice of cake with your coffee.', redeemCode: { kind: 'generated' }, validity: { kind: 'months', months: 1 } }, 40);
    made += 1;
    redeem(gift!.token, 35, 'Counter 1');
  }
  if (third !== undefined) made += issue({ cardId: third, title: 'Loyalty bonus', redeemCode: { kind: 'generated' }, validity: { kind: 'days', days: 7 } }, 20).length;

  const batch = issue({ title: 'Free coffee at the opening', description: 'One regular coffee of your choice.', redeemCode: { kind: 'generated' }, validity: { kind: 'days', days: 60 }, quantity: 12 }, 10);
  made += batch.length;
  batch.slice(0, 4).forEach((voucher, i) => redeem(voucher.token, 9 - i, i % 2 === 0 ? 'Counter 1' : 'Counter 2'));
  voidVoucher(db, batch[11]!.id, 'Printed twice', at(8));

  made += issue({ title: 'Free coffee (POS code)', redeemCode: { kind: 'static', code: 'FREECOFFEE' }, validity: { kind: 'unlimited' }, quantity: 2 }, 5).length;
  made += issue({ title: 'ขนมฟรี 1 ชิ้น', redeemCode: { kind: 'generated' }, validity: { kind: 'days', days: 14 } }, 1).length;
  return made;
}
