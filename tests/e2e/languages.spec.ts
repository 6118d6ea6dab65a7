import { api } from '../support/api-client';
import { expect, test } from './fixtures';

test('Settings → Language switches at once, keeps what an open form holds, and is kept across a reload', async ({ page, host }) => {
  await page.goto(host.url);
  await page.evaluate(() => (window.location.hash = '#/settings'));
  const shopName = page.locator('input[name="shopName"]');
  await shopName.fill('ร้านกาแฟ สุขุมวิท');
  const language = page.locator('select[name="locale"]');
  // the five by their own names
  await expect(language.locator('option')).toHaveText(['English', 'ไทย', '한국어', 'تۆرکجه', 'ગુજરાતી']);

  await language.selectOption('th');
  await expect(page.locator('html')).toHaveAttribute('lang', 'th');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('การตั้งค่า');
  // the unsaved shop name is still there, still unsaved
  await expect(shopName).toHaveValue('ร้านกาแฟ สุขุมวิท');
  expect((await api(host, 'settings.get', {})).shopName).toBe('');

  await language.selectOption('azb');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(shopName).toHaveValue('ร้านกาแฟ สุขุมวิท');

  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', 'azb');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  expect((await api(host, 'settings.get', {})).locale).toBe('azb');
});

test('azb: number fields take Persian digits; codes and card numbers copy as plain characters', async ({ page, host, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await api(host, 'settings.set', { locale: 'azb', timeZone: 'Asia/Tehran' });
  await api(host, 'cards.importCsv', {
    csv: 'card_id,name,email,phone,template_id,template_version,stamps,goal,platforms,created_at,last_stamp_at\n113772,آیدین رضایی,aydin@example.com,+98 912 345 6789,1024,2,3,8,apple,2026-01-10,\n',
    dryRun: false,
  });
  await page.goto(host.url);

  // five free vouchers, the quantity typed in Persian digits
  await page.evaluate(() => (window.location.hash = '#/issue-voucher'));
  await page.getByTestId('voucher-title').fill('قهوه');
  const quantity = page.locator('.input--short').last();
  await quantity.fill('۵');
  await expect(quantity).toHaveValue('۵');
  await page.locator('form button[type="submit"]').click();
  await expect(page.getByTestId('issued-codes').locator('li')).toHaveCount(5);
  const code = (await page.getByTestId('issued-codes').locator('bdi').first().textContent())!;
  expect(code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{3}$/);

  // the card number: shown left to right, copied without invisible direction marks
  await page.evaluate(() => (window.location.hash = '#/cards'));
  await page.locator('[data-card-id="113772"]').click();
  const number = page.getByTestId('panel-card-number');
  await expect(number).toHaveText('113772');
  await expect(number).toHaveAttribute('dir', 'ltr');
  await number.locator('xpath=..').getByRole('button').first().click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('113772');
  const phone = await page.locator('.card-panel bdi[dir="ltr"]').filter({ hasText: '+98' }).textContent();
  expect(phone).toBe('+98 912 345 6789');
  // nothing on screen carries invisible direction marks
  const marks = await page.evaluate(() => /[\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]/.test(document.body.innerText));
  expect(marks).toBe(false);
});
