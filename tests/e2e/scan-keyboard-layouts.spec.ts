import type { Page } from '@playwright/test';
import { formatRedeemCode } from '../../shared/domain/redeem-code';
import { api } from '../support/api-client';
import type { RunningHost } from '../support/start-web-host';
import { pressEnter, typeKeys, type ImeEnter } from '../support/scanner-keys';
import { typeThrough, type TypingLayout } from '../support/keyboard-typing';
import { expect, test } from './cards-fixture';

/**
 * Scan & Redeem with the shop's keyboard layout left on: a scanner types each code key by key, a few
 * milliseconds apart, and Chromium receives what Thai Kedmanee, Korean Dubeolsik (through IME
 * composition) or Persian standard make of the keys. Outcomes are read from data-outcome, titles and card
 * numbers (data), never from the UI's English.
 */

interface Scanner {
  /** Scans `text` through the layout and waits for the answer: one scan.submit request per scan. */
  scan(layout: TypingLayout, text: string, imeEnter?: ImeEnter): Promise<void>;
  /** How many scan.submit requests the page has made. */
  submitted(): number;
}

async function openScan(page: Page, host: RunningHost): Promise<Scanner> {
  let submitted = 0;
  page.on('request', (request) => {
    if (request.url().endsWith('/rpc/scan.submit')) submitted++;
  });
  await page.goto(host.url);
  await page.getByRole('link', { name: 'Scan & Redeem' }).click();
  const field = page.locator('input.scan-form__input');
  await expect(field).toBeFocused();
  const cdp = await page.context().newCDPSession(page);
  return {
    async scan(layout, text, imeEnter) {
      const composing = await typeKeys(cdp, layout, text, 3);
      // what the layout made of the keys is in the field (the last syllable still composing, for Korean)
      await expect(field).toHaveValue(typeThrough(layout, text));
      const answered = page.waitForResponse((response) => response.url().endsWith('/rpc/scan.submit'));
      await pressEnter(cdp, composing, imeEnter);
      await answered;
      await expect(field).toHaveValue('');
    },
    submitted: () => submitted,
  };
}

const outcome = (page: Page) => page.locator('[data-outcome]');

async function expectRedeemed(page: Page, title: string): Promise<void> {
  await expect(outcome(page)).toHaveAttribute('data-outcome', 'redeemed');
  await expect(outcome(page)).toContainText(title);
}

async function expectCard(page: Page, id: number): Promise<void> {
  await expect(outcome(page)).toHaveAttribute('data-outcome', 'card');
  await expect(outcome(page).getByRole('heading')).toContainText(`#${id}`);
}

const LAYOUTS: TypingLayout[] = ['thai-kedmanee', 'korean-dubeolsik', 'persian-standard'];

for (const layout of LAYOUTS) {
  test(`Scan & Redeem through ${layout}: a generated code, a POS code, a voucher token and a card token`, async ({ page, host }) => {
    const issue = async (title: string, redeemCode: { kind: 'generated' } | { kind: 'static'; code: string }) =>
      (await api(host, 'vouchers.issue', { title, redeemCode, validity: { kind: 'unlimited' } })).vouchers[0]!;
    const generated = await issue(`${layout} generated`, { kind: 'generated' });
    await issue(`${layout} pos`, { kind: 'static', code: 'GIFT-100' });
    const byToken = await issue(`${layout} token`, { kind: 'generated' });
    const card = await api(host, 'cards.get', { id: 113776 });

    const scanner = await openScan(page, host);
    await scanner.scan(layout, formatRedeemCode(generated.redeemCode!));
    await expectRedeemed(page, `${layout} generated`);
    await scanner.scan(layout, 'GIFT-100');
    await expectRedeemed(page, `${layout} pos`);
    await scanner.scan(layout, byToken.token);
    await expectRedeemed(page, `${layout} token`);
    await scanner.scan(layout, card.token);
    await expectCard(page, 113776);
    await scanner.scan(layout, '113772');
    await expectCard(page, 113772);
    // garbage in the layout's script: unknown, once
    await scanner.scan(layout, 'NOTHING-LIKE-THIS');
    await expect(outcome(page)).toHaveAttribute('data-outcome', 'unknown');

    expect(scanner.submitted()).toBe(6);
    const issued = await api(host, 'vouchers.list', { query: `${layout} ` });
    expect(issued.items.map((v) => v.status)).toEqual(['redeemed', 'redeemed', 'redeemed']);
  });
}

for (const imeEnter of ['windows', 'mac'] as const) {
  test(`Korean IME: a scan whose Enter arrives mid-composition (${imeEnter}) is sent once, with the composed text`, async ({ page, host }) => {
    // every code below ends on a letter, so the IME is still composing its last syllable when Enter comes
    const issue = async (title: string, code: string) =>
      (await api(host, 'vouchers.issue', { title, redeemCode: { kind: 'static', code }, validity: { kind: 'unlimited' } })).vouchers[0]!;
    await issue('ends on a vowel', 'GIFT-DUK'); // …여ㅏ
    await issue('ends on a final', 'FREECOFFEE-RKR'); // …깎
    await issue('ends on a doubled consonant', 'GIFT-RKRR'); // …깎ㄲ
    const scanner = await openScan(page, host);
    await scanner.scan('korean-dubeolsik', 'GIFT-DUK', imeEnter);
    await expectRedeemed(page, 'ends on a vowel');
    await scanner.scan('korean-dubeolsik', 'FREECOFFEE-RKR', imeEnter);
    await expectRedeemed(page, 'ends on a final');
    await scanner.scan('korean-dubeolsik', 'GIFT-RKRR', imeEnter);
    await expectRedeemed(page, 'ends on a doubled consonant');
    expect(scanner.submitted()).toBe(3);
    // never twice: a second submission would have found each voucher already redeemed
    for (const query of ['GIFT-DUK', 'FREECOFFEE-RKR', 'GIFT-RKRR']) {
      const [voucher] = (await api(host, 'vouchers.list', { query })).items;
      const details = await api(host, 'vouchers.get', { id: voucher!.id });
      expect(details.history.filter((e) => e.type === 'voucher_redeemed')).toHaveLength(1);
    }
  });
}
