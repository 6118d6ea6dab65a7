import { expect, test } from './fixtures';
import { startWebHost } from '../support/start-web-host';

const MENU = [
  { id: 'cards', label: 'Issued user cards', heading: 'User Stamp Cards' },
  { id: 'issue-voucher', label: 'Issue Voucher', heading: 'Issue Voucher' },
  { id: 'vouchers', label: 'Vouchers', heading: 'Vouchers' },
  { id: 'scan', label: 'Scan & Redeem', heading: 'Scan & Redeem' },
  { id: 'printers', label: 'Printers', heading: 'Printers' },
  { id: 'sync', label: 'Sync', heading: 'Sync' },
  { id: 'settings', label: 'Settings', heading: 'Settings' },
  { id: 'about', label: 'About', heading: 'About Stampdesk' },
];

test('walks every menu entry, changes settings, and keeps them across a reload', async ({ page, host }) => {
  await page.goto(host.url);

  // first start: a welcome offering demo data or an import; skipped, the card list, empty but friendly, offering an import
  await expect(page.getByRole('heading', { level: 1, name: 'Welcome to Stampdesk' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Try demo data' })).toBeVisible();
  await page.getByRole('button', { name: 'Skip for now' }).click();
  await expect(page.getByRole('heading', { name: 'User Stamp Cards' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'No customer cards yet' })).toBeVisible();
  await expect(page.getByRole('main').getByRole('button', { name: 'Import' }).last()).toBeVisible();
  // and About welcomes a new shop
  await page.getByRole('link', { name: 'About' }).click();
  await expect(page.getByRole('heading', { name: 'About Stampdesk' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Welcome to Stampdesk' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'No customer cards yet' })).toBeVisible();
  await expect(page.getByTestId('info-cards')).toHaveText('0');
  await expect(page.getByTestId('info-data-dir')).toHaveText(host.dataDir);
  // the token left the address bar once read
  expect(page.url()).not.toContain('token=');

  const menu = page.getByRole('navigation', { name: 'Main menu' });
  // the sections' links; the sync status above them is a link to Sync too, and says sync is not set up yet
  await expect(menu.getByRole('listitem').getByRole('link')).toHaveText(MENU.map((m) => m.label));
  await expect(menu.getByRole('link', { name: /Sync not set up/ })).toBeVisible();
  for (const entry of MENU) {
    await menu.getByRole('link', { name: entry.label, exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: entry.heading })).toBeVisible();
    await expect(menu.getByRole('link', { name: entry.label, exact: true })).toHaveAttribute('aria-current', 'page');
  }

  await menu.getByRole('link', { name: 'Settings' }).click();
  const save = page.getByRole('button', { name: 'Save changes' });
  await expect(save).toBeDisabled();
  await page.getByLabel('Shop name').fill('Café Sukhumvit ☕');
  await page.getByLabel('Time zone').selectOption('Asia/Bangkok');
  await expect(page.getByText('You have unsaved changes.')).toBeVisible();
  await save.click();
  await expect(page.getByRole('status')).toHaveText('Settings saved.');
  await expect(page.getByTestId('menu-shop-name')).toHaveText('Café Sukhumvit ☕');

  await page.reload();
  await expect(page.getByLabel('Shop name')).toHaveValue('Café Sukhumvit ☕');
  await expect(page.getByLabel('Time zone')).toHaveValue('Asia/Bangkok');
  await expect(page.getByTestId('menu-shop-name')).toHaveText('Café Sukhumvit ☕');
  // the welcome goes away once the shop has a name
  await menu.getByRole('link', { name: 'About' }).click();
  await expect(page.getByRole('heading', { name: 'Welcome to Stampdesk' })).toHaveCount(0);
});

test('discarding edits restores the saved values', async ({ page, host }) => {
  await page.goto(`${host.url}`);
  await page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'Settings' }).click();
  await page.getByLabel('Shop name').fill('Typo Shop');
  await page.getByRole('button', { name: 'Discard changes' }).click();
  await expect(page.getByLabel('Shop name')).toHaveValue('');
  await expect(page.getByRole('button', { name: 'Save changes' })).toBeDisabled();
});

test('a tab opened without the printed address explains how to get in', async ({ page, host }) => {
  await page.goto(`${host.origin}/`);
  await expect(page.getByRole('heading', { name: 'Open Stampdesk from its own link' })).toBeVisible();
  await expect(page.getByRole('navigation')).toHaveCount(0);
});

test('--demo on an empty data folder shows about 500 demo cards and their vouchers', async ({ page }) => {
  const demo = await startWebHost({ args: ['--demo'] });
  try {
    await page.goto(demo.url);
    await expect(page.getByTestId('cards-total')).toHaveText('500 cards');
    await page.getByRole('link', { name: 'About' }).click();
    await expect(page.getByTestId('info-cards')).toHaveText('500');
    await expect(page.getByRole('heading', { name: 'No customer cards yet' })).toHaveCount(0);
    await page.getByRole('link', { name: 'Vouchers', exact: true }).click();
    await expect(page.getByText('18 vouchers')).toBeVisible();
    // the printed batch is one row (4 of its 12 redeemed), the other vouchers rows of their own
    await expect(page.locator('[data-voucher-id]').filter({ hasText: 'Redeemed' })).toHaveCount(1);
    await expect(page.locator('[data-batch-id]').filter({ hasText: 'Free coffee at the opening' })).toContainText('4 redeemed');
  } finally {
    await demo.stop();
  }
});
