import { api } from '../support/api-client';
import { expect, openCards, test } from './cards-fixture';

test('GENERATE VOUCHER stays in view at the bottom of a long form and, while off, says what is missing', async ({ page, host }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(host.url);
  await page.getByRole('link', { name: 'Issue Voucher' }).click();
  const generate = page.getByRole('button', { name: 'GENERATE VOUCHER' });
  const missing = page.getByTestId('issue-missing');
  // the form is longer than the window, yet the button is in view from the start
  expect(await page.evaluate(() => document.documentElement.scrollHeight > window.innerHeight)).toBe(true);
  await expect(generate).toBeInViewport({ ratio: 1 });
  await expect(generate).toBeDisabled();
  await expect(missing.getByRole('listitem')).toHaveText(['A voucher title']);
  await expect(generate).toHaveAccessibleDescription(/A voucher title/);

  await page.getByText('DAYS', { exact: true }).click();
  await page.getByLabel('Days', { exact: true }).fill('');
  await page.getByLabel('Quantity').fill('0');
  await expect(missing.getByRole('listitem')).toHaveText(['A voucher title', 'A number of days (1 or more)', 'A quantity from 1 to 10,000']);
  await page.getByLabel('Voucher Title *').fill('Opening party');
  await page.getByLabel('Days', { exact: true }).fill('14');
  await page.getByLabel('Quantity').fill('3');
  await expect(missing).toHaveCount(0);
  await expect(generate).toBeEnabled();

  // still in view at the top of the page and with the form scrolled to its end
  await page.getByLabel('Voucher Title *').scrollIntoViewIfNeeded();
  await expect(generate).toBeInViewport({ ratio: 1 });
  await page.mouse.wheel(0, 5000);
  await expect(generate).toBeInViewport({ ratio: 1 });
  await generate.click();
  await expect(page.getByRole('heading', { name: '3 vouchers ready' })).toBeVisible();
});

test('a POS code is checked as it is typed, before any preview is drawn; the quantity hint says every voucher shares it', async ({ page, host }) => {
  const previews: string[] = [];
  page.on('request', (request) => {
    if (request.url().endsWith('/rpc/vouchers.previewCode')) previews.push(JSON.parse(request.postData() ?? '{}').code as string);
  });
  await page.goto(host.url);
  await page.getByRole('link', { name: 'Issue Voucher' }).click();
  await page.getByLabel('Voucher Title *').fill('Free coffee');
  await expect(page.getByLabel('Quantity')).toHaveAccessibleDescription('1 to 10,000 vouchers, each with its own code.');
  await page.getByText('Our POS promo code').click();
  await expect(page.getByLabel('Quantity')).toHaveAccessibleDescription(/Every one carries this same POS code; each can be redeemed once\./);
  await expect(page.getByTestId('issue-missing').getByRole('listitem')).toHaveText(['Your POS promo code']);

  const field = page.getByLabel('POS promo code', { exact: true });
  await field.fill('FREE COFFEE!');
  // the core's own rule, in the admin's language, beside the field, with nothing sent to the core
  await expect(page.getByText('Use 2 to 32 letters, digits and hyphens (for example FREECOFFEE or GIFT-100).')).toBeVisible();
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByTestId('code-preview')).toHaveCount(0);
  await expect(page.getByTestId('issue-missing').getByRole('listitem')).toHaveText(['A valid POS promo code']);
  await expect(page.getByRole('button', { name: 'GENERATE VOUCHER' })).toBeDisabled();
  // a code shaped like a generated one is refused the same way
  await field.fill('ABCD-EFGH-JKM');
  await expect(page.getByText('This looks like a generated code; choose another POS code.')).toBeVisible();
  await expect(page.getByTestId('code-preview')).toHaveCount(0);

  await field.fill('FREECOFFEE');
  await expect(page.getByTestId('code-preview')).toContainText('FREECOFFEE');
  await expect(page.getByText('Use 2 to 32 letters')).toHaveCount(0);
  expect(previews.filter((code) => code !== 'FREECOFFEE' && !/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{3}$/.test(code))).toEqual([]);
  await page.getByLabel('Quantity').fill('2');
  await page.getByRole('button', { name: 'GENERATE VOUCHER' }).click();
  await expect(page.getByRole('heading', { name: '2 vouchers ready' })).toBeVisible();
  expect((await api(host, 'vouchers.list', {})).items.map((v) => v.redeemCode)).toEqual(['FREECOFFEE', 'FREECOFFEE']);
});

test('a card’s voucher shows its code and links back to the card; “Issue another” starts from an empty title', async ({ page, host }) => {
  await openCards(page, host);
  await page.locator('[data-card-id="113776"]').click();
  await page.getByRole('link', { name: 'ISSUE COUPON' }).click();
  await page.getByLabel('Voucher Title *').fill('Birthday gift');
  await page.getByLabel('Description (Optional)').fill('A slice of cake');
  await page.getByRole('button', { name: 'GENERATE VOUCHER' }).click();
  await expect(page.getByRole('heading', { name: /Voucher issued to #113776/ })).toBeVisible();
  const [voucher] = (await api(host, 'vouchers.list', {})).items;
  await expect(page.getByTestId('issued-code')).toHaveText(`${voucher!.redeemCode!.slice(0, 4)}-${voucher!.redeemCode!.slice(4, 8)}-${voucher!.redeemCode!.slice(8)}`);

  await page.getByRole('button', { name: 'Issue another voucher' }).click();
  await expect(page.getByLabel('Voucher Title *')).toHaveValue('');
  await expect(page.getByLabel('Voucher Title *')).toBeFocused();
  await expect(page.getByLabel('Description (Optional)')).toHaveValue('');
  await expect(page.getByRole('button', { name: 'GENERATE VOUCHER' })).toBeDisabled();
  await expect(page.getByTestId('picked-card')).toContainText('#113776');

  // without a code, the result says how it is redeemed; its link opens the card with its panel
  await page.getByRole('checkbox', { name: 'Redeem Code' }).uncheck();
  await page.getByLabel('Voucher Title *').fill('Sorry the order arrived cold');
  await page.getByRole('button', { name: 'GENERATE VOUCHER' }).click();
  await expect(page.getByTestId('issued-card-voucher')).toContainText('No redeem code: at the counter, the voucher’s QR code is scanned');
  await page.getByRole('link', { name: 'Open card #113776' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'User Stamp Cards' })).toBeVisible();
  await expect(page.getByTestId('panel-heading')).toHaveText(/#113776 - અમિત પટેલ/);
});

test('a batch too large for one PNG says so where the PNG button is off', async ({ page, host }) => {
  await page.goto(host.url);
  await page.getByRole('link', { name: 'Issue Voucher' }).click();
  await page.getByLabel('Voucher Title *').fill('Opening party');
  await page.getByLabel('Quantity').fill('30');
  await page.getByRole('button', { name: 'GENERATE VOUCHER' }).click();
  await expect(page.getByRole('button', { name: 'Download PNG' })).toBeEnabled();
  await expect(page.getByTestId('png-limit')).toHaveCount(0);
  await page.getByRole('button', { name: 'Issue another voucher' }).click();
  await page.getByLabel('Voucher Title *').fill('Opening party, second run');
  await page.getByLabel('Quantity').fill('31');
  await page.getByRole('button', { name: 'GENERATE VOUCHER' }).click();
  const png = page.getByRole('button', { name: 'Download PNG' });
  await expect(png).toBeDisabled();
  await expect(png).toHaveAccessibleDescription('A PNG holds at most 30 vouchers; download the PDF sheet for this batch.');
  await expect(page.getByTestId('png-limit')).toBeVisible();
});
