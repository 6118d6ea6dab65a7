import { api } from '../support/api-client';
import { expect, test } from './cards-fixture';

/**
 * The counter (issue 8): the scan pause holds through a seat rename and a person can end it, with a
 * confirmation that stays in the pause history; a stamp that completes a card issues its reward, which the
 * counter can redeem on the spot.
 */
test('the scan pause holds: Settings refuses a new seat name while it lasts, and a person ends it after a confirmation', async ({ page, host }) => {
  await api(host, 'settings.set', { seatName: 'Counter 2', scanLockAfter: 3, scanLockMinutes: 5 });
  const [gift] = (await api(host, 'vouchers.issue', { title: 'Free dessert', redeemCode: { kind: 'generated' }, validity: { kind: 'unlimited' } })).vouchers;
  await page.goto(host.url);
  await page.getByRole('link', { name: 'Scan & Redeem' }).click();
  const field = page.getByLabel('Scan or type a code');
  const scan = async (text: string) => {
    const answered = page.waitForResponse((response) => response.url().endsWith('/rpc/scan.submit'));
    await field.fill(text);
    await field.press('Enter');
    await answered;
  };
  await expect(page.getByTestId('scan-pause')).toHaveCount(0);
  for (const guess of ['NOPE-1', 'NOPE-2', 'NOPE-3']) await scan(guess);
  const banner = page.getByTestId('scan-pause');
  await expect(banner).toContainText('Scanning is paused');
  await expect(banner).toContainText('3 unknown codes at Counter 2. Scanning resumes at');
  await scan(gift!.token);
  await expect(page.locator('[data-outcome]')).toHaveAttribute('data-outcome', 'locked');

  // renaming the seat does not lift the pause: Settings refuses it and says why, beside the field
  await page.getByRole('link', { name: 'Settings' }).click();
  await page.locator('input[name="seatName"]').fill('Counter 9');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('Scanning is paused on this computer after too many unknown codes: the seat name and the scanning limits cannot be changed until the pause ends.')).toBeVisible();
  expect((await api(host, 'settings.get', {})).seatName).toBe('Counter 2');

  await page.getByRole('link', { name: 'Scan & Redeem' }).click();
  await expect(banner).toBeVisible();
  // the confirmation can be declined
  await banner.getByRole('button', { name: 'End the pause' }).click();
  let dialog = page.getByRole('dialog', { name: 'End the scan pause?' });
  await expect(dialog).toContainText('Ending it is recorded with this seat (Counter 2) and the time.');
  await dialog.getByRole('button', { name: 'Keep paused' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(banner).toBeVisible();
  await banner.getByRole('button', { name: 'End the pause' }).click();
  dialog = page.getByRole('dialog', { name: 'End the scan pause?' });
  await dialog.getByRole('button', { name: 'End the pause now' }).click();
  await expect(banner).toHaveCount(0);
  await expect(field).toBeFocused(); // the scanner's next keys go to the field
  await expect(page.getByTestId('pause-history')).toContainText(/paused at Counter 2; ended early at .+ by Counter 2/);

  // scanning works at once; the unknown codes before the pause no longer count
  await scan('NOPE-4');
  await expect(page.locator('[data-outcome]')).toHaveAttribute('data-outcome', 'unknown');
  await expect(page.getByTestId('scan-pause')).toHaveCount(0);
  await scan(gift!.token);
  await expect(page.locator('[data-outcome]')).toHaveAttribute('data-outcome', 'redeemed');
});

test('a stamp that completes a card issues its reward, and the counter redeems it on the spot', async ({ page, host }) => {
  // no cooldown: the adjustment below is a stamp moments ago
  await api(host, 'settings.set', { seatName: 'Counter 1', scanCooldownSeconds: 0 });
  await api(host, 'cards.adjustStamps', { id: 113776, delta: 4, reason: 'Earlier visits' }); // 7 of 8
  await page.goto(host.url);
  await page.getByRole('link', { name: 'Scan & Redeem' }).click();
  const field = page.getByLabel('Scan or type a code');
  await field.fill('113776');
  await field.press('Enter');
  const card = page.locator('[data-outcome="card"]');
  await expect(card).toContainText('#113776');
  await card.getByRole('button', { name: 'Add stamp' }).click();
  await expect(card).toContainText('Stamp added: 0 / 8.');
  const reward = page.getByTestId('reward-issued');
  await expect(reward).toHaveText(/Reward issued: Template 1024 reward/);
  await expect(card).toContainText("The reward is on the customer's card as a voucher: redeem it now or on a later visit.");
  const history = await api(host, 'cards.history', { id: 113776 });
  expect(history.items.slice(0, 4).map((e) => e.type)).toEqual(['voucher_issued', 'reward_issued', 'goal_reached', 'stamp_added']);

  await reward.getByRole('button', { name: 'Redeem now' }).click();
  await expect(page.locator('[data-outcome]')).toHaveAttribute('data-outcome', 'redeemed');
  await expect(page.locator('[data-outcome]')).toContainText('Template 1024 reward');
  const after = await api(host, 'cards.history', { id: 113776 });
  expect(after.items[0]).toMatchObject({ type: 'voucher_redeemed', seat: 'Counter 1' });
  expect((await api(host, 'cards.get', { id: 113776 })).stamps).toBe(0);
});
