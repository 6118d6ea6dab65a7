import fs from 'node:fs';
import path from 'node:path';
import { api } from '../support/api-client';
import { startWebHost } from '../support/start-web-host';
import { expect, test } from './fixtures';

const FIXTURE_CSV = fs.readFileSync(path.resolve('tests/support/fixtures/cards.csv'), 'utf8');

test('an empty shop opens on a welcome: name and time zone are saved, and demo data fills the list', async ({ page, host }) => {
  await api(host, 'settings.set', { timeZone: 'UTC' });
  await page.goto(host.url);
  const welcome = page.getByTestId('welcome');
  await expect(welcome.getByRole('heading', { level: 1, name: 'Welcome to Stampdesk' })).toBeVisible();
  // not an empty list with a spinner-like picture
  await expect(page.getByTestId('empty-state')).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'No customer cards yet' })).toHaveCount(0);
  await expect(page.getByRole('navigation', { name: 'Main menu' })).toBeVisible();

  await welcome.getByLabel('Shop name').fill('Café Sukhumvit');
  await welcome.getByLabel('Time zone').selectOption('Asia/Bangkok');
  await welcome.getByRole('button', { name: 'Try demo data' }).click();
  await expect(page.getByTestId('cards-total')).toHaveText('500 cards');
  await expect(page.locator('[data-card-id]').first()).toBeVisible();
  await expect(page.getByRole('status')).toHaveText('Demo data loaded: 500 cards and their vouchers.');
  await expect(page.getByTestId('welcome')).toHaveCount(0);
  await expect(page.getByTestId('menu-shop-name')).toHaveText('Café Sukhumvit');
  expect(await api(host, 'settings.get', {})).toMatchObject({ shopName: 'Café Sukhumvit', timeZone: 'Asia/Bangkok' });
  expect((await api(host, 'app.info', {})).vouchers).toBeGreaterThan(10);

  // a shop with cards (or a name) opens on its list
  await page.reload();
  await expect(page.locator('[data-card-id]').first()).toBeVisible();
  await expect(page.getByTestId('welcome')).toHaveCount(0);
});

test('the welcome’s Import cards opens the import; its report stays open and the list then shows the cards', async ({ page, host }) => {
  await page.goto(host.url);
  await page.getByTestId('welcome').getByRole('button', { name: 'Import cards' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import cards from CSV' });
  await dialog.locator('input[type=file]').setInputFiles({ name: 'cards.csv', mimeType: 'text/csv', buffer: Buffer.from(FIXTURE_CSV) });
  await dialog.getByRole('button', { name: 'Import 7 cards' }).click();
  await expect(dialog.getByText('Import finished:')).toBeVisible();
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(page.getByTestId('cards-total')).toHaveText('7 cards');
  await expect(page.getByTestId('welcome')).toHaveCount(0);
});

test('skipping the welcome leads to the empty list, whose picture is still and not a spinner; a non-empty shop refuses demo data', async ({ page, host }) => {
  await page.goto(host.url);
  await page.getByTestId('welcome').getByRole('button', { name: 'Skip for now' }).click();
  await expect(page.getByRole('heading', { name: 'No customer cards yet' })).toBeVisible();
  const art = page.getByTestId('empty-state').locator('.empty-state__art');
  await expect(art.locator('svg')).toBeVisible();
  expect((await art.textContent())?.trim()).toBe('');
  expect(await art.evaluate((el) => getComputedStyle(el).animationName + getComputedStyle(el.querySelector('svg')!).animationName)).toBe('nonenone');
  // the skip lasts while the app is open
  await page.getByRole('link', { name: 'Vouchers', exact: true }).click();
  await page.getByRole('link', { name: 'Issued user cards' }).click();
  await expect(page.getByRole('heading', { name: 'No customer cards yet' })).toBeVisible();

  await api(host, 'cards.importCsv', { csv: FIXTURE_CSV, dryRun: false });
  const refused = await fetch(`${host.origin}/rpc/demo.load`, { method: 'POST', headers: { Authorization: `Bearer ${host.token}`, 'Content-Type': 'application/json' }, body: '{}' });
  expect(await refused.json()).toMatchObject({ ok: false, error: { code: 'conflict', key: 'apiErrors.demoLoad.shopNotEmpty' } });
  expect((await api(host, 'app.info', {})).cards).toBe(7);
});

test('the welcome speaks the admin’s language and mirrors in azb; a refusal shows in it', async ({ page, host }) => {
  await api(host, 'settings.set', { locale: 'azb', timeZone: 'Asia/Tehran' });
  await page.goto(host.url);
  const welcome = page.getByTestId('welcome');
  await expect(welcome.getByRole('heading', { level: 1 })).toHaveText('Stampdesk-ه خوش گلمیسینیز');
  expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
  // another window loads data meanwhile: the button's refusal is translated
  await api(host, 'cards.importCsv', { csv: FIXTURE_CSV, dryRun: false });
  await welcome.getByRole('button', { name: 'نمونه بیلگیلری سینا' }).click();
  await expect(welcome.getByRole('alert')).toContainText('نمونه بیلگیلر یالنیز بوش دۆکانا یۆکله‌نیر');
});

test('the app has a favicon, a real file each host serves with its type', async ({ page, host }) => {
  await page.goto(host.url);
  const icons = await page.locator('link[rel="icon"]').evaluateAll((links) => links.map((l) => ({ href: (l as HTMLLinkElement).href, type: l.getAttribute('type') })));
  expect(icons.map((i) => i.type).sort()).toEqual(['image/png', 'image/svg+xml']);
  for (const icon of icons) {
    const response = await page.request.get(icon.href);
    expect(response.status(), icon.href).toBe(200);
    expect(response.headers()['content-type']).toBe(icon.type);
    const body = await response.body();
    if (icon.type === 'image/png') expect(body.subarray(1, 4).toString()).toBe('PNG');
    else expect(body.toString()).toContain('<svg');
  }
  // and the browser takes it: the SVG icon decodes as a picture
  const svg = icons.find((i) => i.type === 'image/svg+xml')!.href;
  expect(await page.evaluate(async (src) => {
    const img = new Image();
    img.src = src;
    await img.decode();
    return img.naturalWidth > 0;
  }, svg)).toBe(true);
});

test('a shop with a name but no cards opens on its list, not on the welcome', async ({ page }) => {
  const named = await startWebHost();
  try {
    await api(named, 'settings.set', { shopName: 'Corner Café' });
    await page.goto(named.url);
    await expect(page.getByRole('heading', { name: 'No customer cards yet' })).toBeVisible();
    await expect(page.getByTestId('welcome')).toHaveCount(0);
  } finally {
    await named.stop();
  }
});
