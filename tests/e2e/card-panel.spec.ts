import { api } from '../support/api-client';
import { expect, openCards, search, test } from './cards-fixture';

test('the DETAILED CARD panel shows every field', async ({ page, host, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await api(host, 'settings.set', { cardPageBaseUrl: 'https://cards.example.com/c/' });
  await openCards(page, host);
  await page.locator('[data-card-id="113773"]').click();
  const panel = page.getByRole('complementary', { name: 'DETAILED CARD' });
  await expect(panel.getByTestId('panel-heading')).toHaveText('#113773 - สมชาย ศรีสุข');
  await expect(panel.getByRole('button', { name: 'DELETE' })).toBeVisible();
  await expect(panel.getByTestId('panel-card-number')).toHaveText('113773');
  await expect(panel.getByTestId('panel-template')).toHaveText(/^1024 v2/);
  await expect(panel.getByText('Apple Wallet and Google Wallet')).toBeVisible();
  // 2026-02-01T09:00Z and 2026-11-20T08:00Z in the shop's zone (Asia/Bangkok, UTC+7)
  await expect(panel.getByTestId('panel-created')).toHaveText(/1 February 2026.*16:00/);
  await expect(panel.getByTestId('panel-last-stamp')).toHaveText(/20 November 2026.*15:00/);
  await expect(panel.getByTestId('progress-text')).toHaveText('8 / 8 • 100%');

  await panel.getByRole('button', { name: 'Copy' }).click();
  await expect(panel.getByText('Card number copied.')).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('113773');

  // the outside world is not reachable here: stand in for the card page
  await context.route('https://cards.example.com/**', (route) => route.fulfill({ contentType: 'text/html', body: '<title>Card</title>' }));
  const popup = page.waitForEvent('popup');
  await panel.getByRole('button', { name: 'Open' }).click();
  expect((await popup).url()).toBe('https://cards.example.com/c/113773');

  // the keyboard opens another card; Escape closes the panel
  await page.locator('[data-card-id="113775"]').focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(panel.getByTestId('panel-heading')).toHaveText('#113774 - 김민준');
  await panel.getByTestId('panel-card-number').click();
  await page.keyboard.press('Escape');
  await expect(panel).toHaveCount(0);
});

test('the reward image of the current or next step is shown', async ({ page }) => {
  const { startWebHost } = await import('../support/start-web-host');
  const demo = await startWebHost({ args: ['--demo'] });
  try {
    await page.goto(demo.url);
    await page.getByRole('link', { name: 'Issued user cards' }).click();
    await page.locator('[data-card-id]').first().click();
    const panel = page.getByRole('complementary', { name: 'DETAILED CARD' });
    const image = panel.locator('figure.reward img');
    await expect(image).toBeVisible();
    expect(await image.evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBe(96);
    await expect(panel.locator('figure.reward')).toContainText(/(Next|Current) reward/);
  } finally {
    await demo.stop();
  }
});

test('VIEW HISTORY pages through the full event log, newest first, and exports it', async ({ page, host }) => {
  for (let i = 0; i < 30; i++) {
    await api(host, 'cards.adjustStamps', { id: 113774, delta: 1, reason: `visit ${i}` });
    await api(host, 'cards.adjustStamps', { id: 113774, delta: -1, reason: `undo ${i}` });
  }
  await openCards(page, host);
  await search(page, '113774');
  await page.locator('[data-card-id="113774"]').click();
  await page.getByRole('button', { name: 'VIEW HISTORY' }).click();
  const history = page.getByRole('region', { name: 'History' });
  await expect(history.getByText('50 of 61 events')).toBeVisible();
  const items = page.getByTestId('history-list').getByRole('listitem');
  await expect(items).toHaveCount(50);
  await expect(items.first()).toContainText('−1 stamp → 0 — undo 29');
  await history.getByRole('button', { name: 'Show older events' }).click();
  await expect(items).toHaveCount(61);
  await expect(items.last()).toContainText('Card imported from CSV');
  await expect(history.getByRole('button', { name: 'Show older events' })).toHaveCount(0);

  const download = page.waitForEvent('download');
  await history.getByRole('button', { name: 'Export CSV' }).click();
  const file = await (await download).path();
  const text = (await import('node:fs')).readFileSync(file, 'utf8');
  expect(text.startsWith('\ufeffevent_id,type,at,seat,details')).toBe(true);
  expect(text.trim().split('\r\n')).toHaveLength(62);
});

test('SEND MESSAGE: the push counts to 20 and refuses more; the message is queued and recorded', async ({ page, host }) => {
  await openCards(page, host);
  await page.locator('[data-card-id="113776"]').click();
  await page.getByRole('button', { name: 'SEND MESSAGE' }).click();
  const dialog = page.getByRole('dialog', { name: /Send a message to અમિત પટેલ/ });
  const push = dialog.getByLabel('Wallet push text');
  await push.fill('Free chai today 4 u!!'); // 21 characters
  await expect(dialog.getByTestId('push-counter')).toHaveText('21 / 20');
  await expect(dialog.getByText('A wallet push has at most 20 characters.')).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Send message' })).toBeDisabled();
  await push.fill('Free chai today 4 u!');
  await expect(dialog.getByTestId('push-counter')).toHaveText('20 / 20');
  await dialog.getByLabel('Email').check();
  await dialog.getByLabel('Subject').fill('A gift for you');
  await dialog.getByLabel('Message').fill('Show this e-mail at the counter.');
  await dialog.getByRole('button', { name: 'Send message' }).click();
  await expect(page.getByText('Message queued for delivery.')).toBeVisible();
  await page.getByRole('button', { name: 'VIEW HISTORY' }).click();
  await expect(page.getByTestId('history-list').getByRole('listitem').first()).toContainText('PUSH + Email: Free chai today 4 u!');
  await expect(page.getByTestId('history-list').getByRole('listitem').first().getByTestId('message-status')).toHaveText('queued');

  // the server refuses a 21-character push too, whatever the screen does
  await expect(api(host, 'cards.sendMessage', { id: 113776, push: 'x'.repeat(21) })).rejects.toThrow(/at most 20 characters/);
});

test('SEND MESSAGE to a card saved only on the web: no PUSH, with the reason; the core refuses one too', async ({ page, host }) => {
  await openCards(page, host);
  await page.locator('[data-card-id="113772"]').click(); // web only
  await page.getByRole('button', { name: 'SEND MESSAGE' }).click();
  const dialog = page.getByRole('dialog', { name: /Send a message to Olivia Smith/ });
  await expect(dialog.getByRole('checkbox', { name: /PUSH/ })).toBeDisabled();
  await expect(dialog.getByRole('checkbox', { name: /PUSH/ })).not.toBeChecked();
  await expect(dialog).toContainText('(saved only on the web, not in a wallet)');
  await expect(dialog.getByRole('checkbox', { name: /Email/ })).toBeChecked();
  await expect(api(host, 'cards.sendMessage', { id: 113772, push: 'Free coffee today' })).rejects.toThrow(
    /conflict Card #113772 is not saved in Apple Wallet or Google Wallet, only on the web/,
  );
  const history = await api(host, 'cards.history', { id: 113772 });
  expect(history.items.some((e) => e.type === 'message_sent')).toBe(false);
});

test('Adjust stamps: add or remove with a reason, never below zero; reaching the goal issues the reward and starts the next round', async ({ page, host }) => {
  await openCards(page, host);
  await page.locator('[data-card-id="113778"]').click(); // 9/10
  const panel = page.getByRole('complementary', { name: 'DETAILED CARD' });
  await panel.getByRole('button', { name: 'Adjust stamps' }).click();
  let dialog = page.getByRole('dialog', { name: 'Adjust stamps on card #113778' });
  await dialog.getByLabel('How many').fill('2');
  // past the goal is no longer refused: the dialog says what happens
  await expect(dialog.getByTestId('adjust-completes')).toHaveText(
    "Reaching the goal issues the card's rewards as vouchers; the card then starts again with 1 stamp.",
  );
  await dialog.getByText('Remove stamps').click();
  await dialog.getByLabel('How many').fill('10');
  await expect(dialog.getByText('The card has only 9 stamps.')).toBeVisible();
  await dialog.getByText('Add stamps').click();
  await dialog.getByLabel('How many').fill('1');
  await expect(dialog.getByRole('button', { name: 'Add 1 stamp' })).toBeDisabled(); // reason required
  await dialog.getByLabel('Reason').fill('Birthday bonus');
  await expect(dialog.getByTestId('adjust-completes')).toHaveText(
    "Reaching the goal issues the card's rewards as vouchers; the card then starts again with 0 stamps.",
  );
  await dialog.getByRole('button', { name: 'Add 1 stamp' }).click();
  // the 10th stamp completes the card: its reward is issued as a voucher and the next round starts
  await expect(panel.getByTestId('progress-text')).toHaveText('0 / 10 • 0%');
  await expect(page.locator('[data-card-id="113778"]').getByRole('cell').nth(2)).toHaveText('0/10');
  await panel.getByRole('button', { name: 'VIEW HISTORY' }).click();
  const items = page.getByTestId('history-list').getByRole('listitem');
  await expect(items.nth(0)).toContainText('Voucher issued');
  await expect(items.nth(0)).toContainText('Template 2048 reward');
  await expect(items.nth(1)).toContainText('Earned: Template 2048 reward');
  await expect(items.nth(2)).toContainText('Reached the goal of 10 stamps');
  await expect(items.nth(3)).toContainText('+1 stamp → 0 — Birthday bonus');

  await panel.getByRole('button', { name: 'Adjust stamps' }).click();
  dialog = page.getByRole('dialog', { name: 'Adjust stamps on card #113778' });
  await dialog.getByLabel('How many').fill('7');
  await expect(dialog.getByTestId('adjust-completes')).toHaveCount(0);
  await dialog.getByLabel('Reason').fill('Catering order');
  await dialog.getByRole('button', { name: 'Add 7 stamps' }).click();
  await expect(panel.getByTestId('progress-text')).toHaveText('7 / 10 • 70%');

  await panel.getByRole('button', { name: 'Adjust stamps' }).click();
  dialog = page.getByRole('dialog', { name: 'Adjust stamps on card #113778' });
  await dialog.getByText('Remove stamps').click();
  await dialog.getByLabel('How many').fill('3');
  await dialog.getByLabel('Reason').fill('Stamped the wrong card');
  await dialog.getByRole('button', { name: 'Remove 3 stamps' }).click();
  await expect(panel.getByTestId('progress-text')).toHaveText('4 / 10 • 40%');
});

test('DELETE asks for confirmation naming the card, then the card leaves the list but stays for audit', async ({ page, host }) => {
  await openCards(page, host);
  await page.locator('[data-card-id="113772"]').click();
  await page.getByRole('button', { name: 'DELETE' }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete card #113772 - Olivia Smith?' });
  await expect(dialog).toContainText('Card #113772 of Olivia Smith disappears from the list');
  await dialog.getByRole('button', { name: 'Keep the card' }).click();
  await expect(page.locator('[data-card-id="113772"]')).toBeVisible();

  await page.getByRole('button', { name: 'DELETE' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Delete card #113772' }).click();
  await expect(page.getByText('Card #113772 was deleted.')).toBeVisible();
  await expect(page.locator('[data-card-id="113772"]')).toHaveCount(0);
  await expect(page.getByTestId('cards-total')).toHaveText('6 cards');
  await search(page, 'Olivia');
  await expect(page.getByRole('heading', { name: 'No cards match' })).toBeVisible();
  // kept for audit: the card and its card_deleted event remain readable
  const card = await api(host, 'cards.get', { id: 113772 });
  expect(card.deletedAt).not.toBeNull();
  const history = await api(host, 'cards.history', { id: 113772 });
  expect(history.items[0]).toMatchObject({ type: 'card_deleted', seat: 'back-office' });
});

test('VIEW HISTORY names the voucher of each voucher event: its title, and its code left to right', async ({ page, host }) => {
  const issue = (title: string, redeemCode: { kind: 'static'; code: string } | { kind: 'generated' } | null) =>
    api(host, 'vouchers.issue', { cardId: 113775, title, redeemCode, validity: { kind: 'unlimited' } });
  await issue('Free coffee', { kind: 'static', code: 'FREECOFFEE' });
  const cake = (await issue('قهوه رایگان', { kind: 'generated' })).vouchers[0]!;
  await issue('Thank-you tea', null);
  await api(host, 'vouchers.redeem', { input: 'FREECOFFEE' });
  const cakeCode = `${cake.redeemCode!.slice(0, 4)}-${cake.redeemCode!.slice(4, 8)}-${cake.redeemCode!.slice(8)}`;

  const check = async (codeLabel: string) => {
    await page.locator('[data-card-id="113775"]').click();
    await page.locator('.card-panel').getByRole('button').filter({ hasText: 'VIEW HISTORY' }).click();
    const items = page.getByTestId('history-list').getByRole('listitem');
    const redeemed = items.nth(0);
    await expect(redeemed).toHaveAttribute('data-event-type', 'voucher_redeemed');
    await expect(redeemed.getByTestId('history-voucher-title')).toHaveText('Free coffee');
    await expect(redeemed.getByTestId('history-voucher-code')).toHaveText('FREECOFFEE');
    await expect(redeemed).toContainText(codeLabel);
    const plain = items.nth(1);
    await expect(plain.getByTestId('history-voucher-title')).toHaveText('Thank-you tea');
    await expect(plain.getByTestId('history-voucher-code')).toHaveCount(0);
    const generated = items.nth(2);
    await expect(generated.getByTestId('history-voucher-title')).toHaveText('قهوه رایگان');
    await expect(generated.getByTestId('history-voucher-title')).toHaveJSProperty('tagName', 'BDI');
    await expect(generated.getByTestId('history-voucher-code')).toHaveText(cakeCode);
    await expect(generated.getByTestId('history-voucher-code')).toHaveAttribute('dir', 'ltr');
    await expect(items.nth(3).getByTestId('history-voucher-code')).toHaveText('FREECOFFEE');
    await page.locator('.card-panel').screenshot({ path: `test-results/screens/history-vouchers-${codeLabel === 'Code' ? 'en' : 'azb'}.png` });
  };

  await openCards(page, host);
  await check('Code');
  await api(host, 'settings.set', { locale: 'azb' });
  await page.reload();
  await page.evaluate(() => (window.location.hash = '#/cards'));
  await check('کود');
});
