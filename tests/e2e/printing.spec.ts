import type { Locale } from '../../shared/domain/locales';
import { api } from '../support/api-client';
import { zbarDecodeBytes } from '../support/zbar';
import { addVirtualPrinter, expect, issueVoucher, openPrintDialog, test } from './printing-fixture';

test.describe.configure({ timeout: 120_000 });

/** A redeem code as stored: the printed barcode may carry its hyphens. */
const plain = (text: string) => text.replace(/-/g, '');

test('a network printer added in the UI prints its test page on the virtual printer', async ({ page, host, printer }) => {
  await page.goto(host.url);
  await page.evaluate(() => (window.location.hash = '#/printers'));
  // no printer yet: what a receipt printer is, and the virtual printer to try one
  await expect(page.getByTestId('empty-state')).toContainText('npm run virtual-printer');
  await page.getByTestId('add-printer').click();
  const dialog = page.locator('dialog[open]');
  // a bad address is refused beside its field
  await dialog.getByLabel('Name').fill('Counter');
  await dialog.getByLabel('Host or IP address').fill('http://printer/');
  await dialog.getByTestId('add-printer-submit').click();
  await expect(dialog.locator('.field--invalid').getByRole('alert')).toBeVisible();
  // the printable dots follow the paper: 384 on 58 mm, 576 on 80 mm
  await dialog.getByLabel('58 mm').check();
  await expect(dialog.getByLabel('Printable dots')).toHaveValue('384');
  await dialog.getByLabel('80 mm').check();
  await expect(dialog.getByLabel('Printable dots')).toHaveValue('576');
  await dialog.getByLabel('Host or IP address').fill(printer.host);
  await dialog.getByLabel('Port').fill(String(printer.port));
  await dialog.getByTestId('add-printer-submit').click();
  await expect(page.locator('dialog[open]')).toHaveCount(0);

  const card = page.getByTestId('printer-card');
  await expect(card).toContainText('Counter');
  await expect(card.getByTestId('printer-address')).toHaveText(`127.0.0.1:${printer.port}`);
  await expect(card.getByTestId('default-badge')).toBeVisible();
  await card.getByTestId('printer-test').click();
  const [job] = await printer.waitForJobs(1, 30_000);
  expect(job!.pages.length).toBeGreaterThan(0);
  expect(zbarDecodeBytes(job!.pages[0]!.png).length).toBeGreaterThanOrEqual(2); // its QR code and its barcode
  await card.getByTestId('printer-status').click();
  await expect(card.getByTestId('printer-state')).toHaveAttribute('data-state', 'ready');
  await expect(card.getByTestId('printer-last-success')).not.toHaveText('Never');
});

test('a voucher printed from the Issue Voucher result shows done, and its codes decode from the paper', async ({ page, host, printer }) => {
  await addVirtualPrinter(host, printer);
  await page.goto(host.url);
  await page.evaluate(() => (window.location.hash = '#/issue-voucher'));
  await page.getByTestId('voucher-title').fill('Free coffee');
  await page.locator('label:has(input[name="validity"][value="days"])').click();
  await page.locator('form button[type="submit"]').click();
  const result = page.getByTestId('issue-result');
  await expect(result).toBeVisible();
  await result.getByTestId('print-button').click();
  // the preview is the printer's raster: one pixel per dot, 576 dots across on 80 mm
  const preview = page.getByTestId('print-preview-image');
  await expect(preview).toBeVisible();
  expect(await preview.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(576);
  await page.getByTestId('print-submit').click();
  await expect(page.getByTestId('print-progress').getByTestId('job-status')).toHaveAttribute('data-status', 'done', { timeout: 30_000 });

  const voucher = await api(host, 'vouchers.get', { id: (await api(host, 'vouchers.list', {})).items[0]!.id });
  const [job] = await printer.waitForJobs(1);
  const decoded = zbarDecodeBytes(job!.pages[0]!.png);
  expect(decoded).toContain(voucher.token);
  expect(decoded.map(plain)).toContain(voucher.redeemCode);
});

const TITLES: Record<Locale, string> = {
  en: 'Free coffee',
  th: 'กาแฟฟรีหนึ่งแก้ว',
  ko: '무료 커피 한 잔',
  azb: 'بیر پولسوز چای',
  gu: 'એક મફત ચા',
};

test('a coupon prints from the UI in each of the five scripts, drawn as pixels, with codes that decode', async ({ page, host, printer }) => {
  await addVirtualPrinter(host, printer);
  let printed = 0;
  for (const [locale, title] of Object.entries(TITLES) as Array<[Locale, string]>) {
    const voucher = await issueVoucher(host, title);
    await openPrintDialog(page, host, voucher.id, locale);
    await expect(page.getByTestId('print-dialog')).toContainText(title);
    await expect(page.getByTestId('print-preview-image')).toBeVisible();
    await page.getByTestId('print-submit').click();
    await expect(page.getByTestId('print-progress').getByTestId('job-status')).toHaveAttribute('data-status', 'done', { timeout: 30_000 });
    printed += 1;
    const job = (await printer.waitForJobs(printed))[printed - 1]!;
    // the title reached the printer as a raster, never through a code page (which prints "?")
    expect(job.rasterRows, locale).toBeGreaterThan(0);
    expect(job.text, locale).not.toContain('?');
    const decoded = zbarDecodeBytes(job.pages[0]!.png);
    expect(decoded.map(plain), locale).toContain(voucher.redeemCode);
    expect(decoded, locale).toContain(voucher.token);
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
  }
});

test('the print dialog says when there is no printer, and refuses a voucher that cannot be redeemed', async ({ page, host }) => {
  await api(host, 'settings.set', { shopName: 'Printing Café' });
  const voucher = await issueVoucher(host, 'Free cake');
  await openPrintDialog(page, host, voucher.id);
  await expect(page.getByTestId('print-no-printer')).toBeVisible();
  await page.getByTestId('print-no-printer').getByRole('link').click();
  await expect(page.locator('[data-section-page="printers"]')).toBeVisible();

  await api(host, 'vouchers.void', { id: voucher.id, reason: 'test' });
  await page.evaluate(() => (window.location.hash = '#/vouchers'));
  await page.locator(`[data-voucher-id="${voucher.id}"]`).first().click();
  const print = page.locator('dialog[open]').getByTestId('print-button');
  await expect(print).toBeDisabled();
  await expect(page.locator('dialog[open]').getByTestId('print-disabled-reason')).toContainText('voided');
});
