import type { Page } from '@playwright/test';
import type { Locale } from '../../shared/domain/locales';
import { api } from '../support/api-client';
import { wrappedCells, sticksOut } from '../support/layout-checks';
import { checkScreen, englishOnlyTexts } from '../support/screen-check';
import type { RunningHost } from '../support/start-web-host';
import { expect, test } from './cards-fixture';

/** A card's voucher, a printed batch of 12 (4 redeemed, 1 voided) and a free voucher, newest last. */
async function seedVouchers(host: RunningHost) {
  const description = Array.from({ length: 14 }, (_, i) => `Line ${i + 1} of the small print: one regular coffee, any size.`).join('\n');
  const forOlivia = await api(host, 'vouchers.issue', { cardId: 113772, title: 'Sorry the order arrived cold', description, redeemCode: { kind: 'generated' }, validity: { kind: 'days', days: 30 } });
  const batch = await api(host, 'vouchers.issue', { title: 'Free coffee at the opening', redeemCode: { kind: 'generated' }, validity: { kind: 'days', days: 60 }, quantity: 12 });
  for (const v of batch.vouchers.slice(0, 4)) await api(host, 'vouchers.redeem', { input: v.token });
  await api(host, 'vouchers.void', { id: batch.vouchers[11]!.id, reason: 'Printed twice' });
  const free = await api(host, 'vouchers.issue', { title: 'Loyalty bonus', redeemCode: { kind: 'generated' }, validity: { kind: 'unlimited' } });
  return { forOlivia: forOlivia.vouchers[0]!, batch, free: free.vouchers[0]! };
}

async function openVouchers(page: Page, host: RunningHost): Promise<void> {
  await page.goto(host.url);
  await page.evaluate(() => (window.location.hash = '#/vouchers'));
  await expect(page.locator('[data-section-page="vouchers"] h1')).toBeVisible();
}

test('a batch is one row (title, size, active / redeemed / voided) that opens to its vouchers from the keyboard; single vouchers stay rows', async ({ page, host }) => {
  const { forOlivia, batch, free } = await seedVouchers(host);
  await openVouchers(page, host);
  await expect(page.getByText('14 vouchers')).toBeVisible();
  await expect(page.locator('tbody > tr')).toHaveCount(3);
  await expect(page.locator('[data-voucher-id]')).toHaveCount(2);
  await expect(page.locator(`[data-voucher-id="${free.id}"]`)).toContainText('Loyalty bonus');
  await expect(page.locator(`[data-voucher-id="${forOlivia.id}"]`)).toContainText('Olivia Smith');
  const row = page.locator(`[data-batch-id="${batch.batchId}"]`);
  await expect(row).toContainText('Free coffee at the opening');
  await expect(row).toContainText('Batch of 12');
  await expect(row.getByTestId('batch-counts').locator('.status')).toHaveText(['7 active', '4 redeemed', '1 voided']);

  const toggle = row.getByRole('button', { name: 'The 12 vouchers of this batch' });
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await toggle.focus();
  await page.keyboard.press('Enter');
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  const inside = page.locator('.voucher-row--in-batch[data-voucher-id]');
  await expect(inside).toHaveCount(12);
  expect(await inside.evaluateAll((rows) => rows.map((r) => Number((r as HTMLElement).dataset.voucherId)).sort((a, b) => a - b))).toEqual(batch.vouchers.map((v) => v.id));
  // the batch's Print button comes next, then its vouchers; one of them opens its details from the keyboard too
  await page.keyboard.press('Tab');
  await expect(row.getByTestId('print-button')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(inside.first()).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog', { name: `Voucher #${batch.vouchers[11]!.id}` })).toBeVisible();
  await page.keyboard.press('Escape');
  await toggle.focus();
  await page.keyboard.press('Space');
  await expect(inside).toHaveCount(0);

  // a filter keeps the batch, says how many of it match, and opens to those only
  await page.getByRole('checkbox', { name: 'Redeemed' }).check();
  await expect(page.getByText('4 vouchers')).toBeVisible();
  await expect(page.locator('tbody > tr')).toHaveCount(1);
  await expect(row).toContainText('4 of 12 match');
  await toggle.click();
  await expect(inside).toHaveCount(4);
  await expect(inside.locator('.status')).toHaveText(['Redeemed', 'Redeemed', 'Redeemed', 'Redeemed']);
});

test('search finds the customer’s name; a code inside a batch shows the batch opened on that voucher, a title leaves it closed', async ({ page, host }) => {
  const { forOlivia, batch } = await seedVouchers(host);
  await openVouchers(page, host);
  const search = page.getByRole('searchbox', { name: 'Search code, title or customer…' });
  for (const name of ['olivia', 'Smith']) {
    await search.fill(name);
    await expect(page.locator('tbody > tr')).toHaveCount(1);
    await expect(page.locator(`[data-voucher-id="${forOlivia.id}"]`)).toContainText('Olivia Smith');
  }
  const fifth = batch.vouchers[4]!;
  await search.fill(fifth.redeemCode!.slice(0, 6).toLowerCase());
  const row = page.locator(`[data-batch-id="${batch.batchId}"]`);
  await expect(row).toContainText('1 of 12 matches');
  await expect(row.getByRole('button', { name: 'The 12 vouchers of this batch' })).toHaveAttribute('aria-expanded', 'true');
  await expect(page.locator('.voucher-row--in-batch[data-voucher-id]')).toHaveCount(1);
  await expect(page.locator(`.voucher-row--in-batch[data-voucher-id="${fifth.id}"]`)).toBeVisible();

  await search.fill('opening');
  await expect(page.locator('tbody > tr')).toHaveCount(1);
  await expect(row.getByRole('button', { name: 'The 12 vouchers of this batch' })).toHaveAttribute('aria-expanded', 'false');
  await expect(row).not.toContainText('match');
});

for (const locale of ['en', 'azb', 'th'] as const satisfies readonly Locale[]) {
  test(`at 1366×768 in ${locale}: rows stay on one line, the filters fit, the details dialog’s Close stays reachable`, async ({ page, host }) => {
    const { forOlivia, batch } = await seedVouchers(host);
    await api(host, 'settings.set', { locale });
    await page.setViewportSize({ width: 1366, height: 768 });
    await openVouchers(page, host);
    const row = page.locator(`[data-batch-id="${batch.batchId}"]`);
    await row.locator('.batch-row__toggle').click();
    await expect(page.locator('.voucher-row--in-batch[data-voucher-id]')).toHaveCount(12);
    expect(await wrappedCells(page, '.voucher-table tr')).toEqual([]);
    expect(await sticksOut(page, '[data-testid="voucher-filters"]')).toEqual([]);
    expect(await checkScreen(page, locale, 'vouchers-1366', englishOnlyTexts(locale))).toEqual([]);

    await page.locator(`[data-voucher-id="${forOlivia.id}"]`).click();
    const dialog = page.locator('dialog[open]');
    await expect(dialog.getByTestId('voucher-qr')).toBeVisible();
    await dialog.getByTestId('void-button').click();
    const close = dialog.locator('.dialog__actions button');
    // the body is taller than the window; the title and Close stay in view without scrolling the page
    expect(await dialog.locator('.dialog__body').evaluate((body) => body.scrollHeight > body.clientHeight)).toBe(true);
    await expect(close).toBeInViewport({ ratio: 1 });
    await expect(dialog.locator('.dialog__title')).toBeInViewport({ ratio: 1 });
    expect(await checkScreen(page, locale, 'voucher-details-1366', englishOnlyTexts(locale))).toEqual([]);
    await close.click();
    await expect(page.locator('dialog[open]')).toHaveCount(0);
  });
}
