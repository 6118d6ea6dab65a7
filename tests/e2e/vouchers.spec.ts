import fs from 'node:fs';
import { api } from '../support/api-client';
import { pngBytes } from '../support/image-fixtures';
import { zbarDecodePdfTiles } from '../support/zbar';
import { expect, openCards, test } from './cards-fixture';

test('ISSUE COUPON on a card issues a voucher to its wallet and records it in the card history', async ({ page, host }) => {
  await openCards(page, host);
  await page.locator('[data-card-id="113776"]').click();
  await page.getByRole('link', { name: 'ISSUE COUPON' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Issue Voucher' })).toBeVisible();
  await expect(page.getByTestId('picked-card')).toHaveText(/#113776 - અમિત પટેલ/);
  await expect(page.getByLabel('Quantity')).toHaveCount(0); // one at a time for a customer
  await page.getByLabel('Voucher Title *').fill('Sorry the order arrived cold');
  await page.getByText('MONTHS', { exact: true }).click();
  await page.getByLabel('Months', { exact: true }).fill('1');
  await expect(page.getByTestId('expiry-preview')).toContainText('(Asia/Bangkok)');
  await page.getByRole('button', { name: 'GENERATE VOUCHER' }).click();
  await expect(page.getByRole('heading', { name: /Voucher issued to #113776 - અમિત પટેલ/ })).toBeVisible();
  const history = await api(host, 'cards.history', { id: 113776 });
  expect(history.items[0]).toMatchObject({ type: 'voucher_issued' });
});

test('free vouchers: customer search by keyboard, image by chooser and paste, a batch with PDF sheet and CSV', async ({ page, host }) => {
  await page.goto(host.url);
  await page.getByRole('link', { name: 'Issue Voucher' }).click();
  // the customer search works from the keyboard, and the choice can be undone
  const search = page.getByRole('combobox', { name: 'Search Customer Card (optional)' });
  await search.fill('สมชาย');
  await expect(page.getByRole('option')).toHaveCount(1);
  await search.press('Enter');
  await expect(page.getByTestId('picked-card')).toContainText('#113773');
  await page.getByRole('button', { name: 'Remove the customer' }).click();

  await page.getByLabel('Voucher Title *').fill('Opening party');
  // a bad image is refused and says why
  await page.getByLabel('Image').setInputFiles({ name: 'evil.svg', mimeType: 'image/svg+xml', buffer: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>') });
  await expect(page.getByRole('alert')).toContainText('event handler');
  // a good one by pasting
  const png = (await pngBytes()).toString('base64');
  await page.locator('form').evaluate((form, base64) => {
    const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    const data = new DataTransfer();
    data.items.add(new File([bytes], 'pasted.png', { type: 'image/png' }));
    form.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true }));
  }, png);
  await expect(page.getByTestId('image-preview')).toBeVisible();
  await expect(page.getByText('64 × 48 · PNG')).toBeVisible();
  await expect(page.getByRole('checkbox', { name: 'Redeem Code' })).toBeDisabled(); // free vouchers always carry one
  await expect(page.getByTestId('code-preview')).toContainText(/[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{3}/);
  await page.getByLabel('Quantity').fill('10001');
  await expect(page.getByTestId('issue-missing')).toContainText('A quantity from 1 to 10,000');
  await expect(page.getByRole('button', { name: 'GENERATE VOUCHER' })).toBeDisabled();
  await page.getByLabel('Quantity').fill('11');
  await page.getByRole('button', { name: 'GENERATE VOUCHER' }).click();
  await expect(page.getByRole('heading', { name: '11 vouchers ready' })).toBeVisible();
  const codes = await page.getByTestId('issued-codes').getByRole('listitem').allTextContents();
  expect(codes).toHaveLength(11);

  const pdfDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download PDF sheet' }).click();
  const pdf = fs.readFileSync(await (await pdfDownload).path());
  const found = new Set((await zbarDecodePdfTiles(pdf, 300, 3, 3)).flat());
  for (const code of codes) expect(found.has(code), code).toBe(true);

  const csvDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export codes (CSV)' }).click();
  const csv = fs.readFileSync(await (await csvDownload).path(), 'utf8');
  expect(csv.startsWith('\ufeffcode,title,status,expires_at,voucher_id,qr_token')).toBe(true);
  for (const code of codes) expect(csv).toContain(code);
});

test('the form refuses a POS code with other characters and a past date, naming the field', async ({ page, host }) => {
  await page.goto(host.url);
  await page.getByRole('link', { name: 'Issue Voucher' }).click();
  await page.getByLabel('Voucher Title *').fill('Coffee');
  await page.getByText('Our POS promo code').click();
  await page.getByLabel('POS promo code', { exact: true }).fill('FREE COFFEE!');
  await expect(page.getByText('Use 2 to 32 letters, digits and hyphens')).toBeVisible();
  await expect(page.getByRole('button', { name: 'GENERATE VOUCHER' })).toBeDisabled();
  await page.getByLabel('POS promo code', { exact: true }).fill('FREECOFFEE');
  await expect(page.getByTestId('code-preview')).toContainText('FREECOFFEE');
  await page.getByText('FIXED DATE').click();
  await page.getByLabel('Valid through').fill('2020-01-01');
  await page.getByLabel('Valid through').blur();
  await expect(page.getByTestId('issue-missing')).toContainText('A last valid day that has not passed');
  await expect(page.getByRole('button', { name: 'GENERATE VOUCHER' })).toBeDisabled();
  // the core refuses it too, beside the field, in the admin's language
  const refused = await fetch(`${host.origin}/rpc/vouchers.issue`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${host.token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ title: 'Coffee', redeemCode: { kind: 'static', code: 'FREECOFFEE' }, validity: { kind: 'fixed', date: '2020-01-01' } }),
  });
  expect(await refused.json()).toMatchObject({ ok: false, error: { field: 'validity.date', message: 'This date has passed in your shop’s time zone; choose today or a later date.' } });
  expect((await api(host, 'vouchers.list', {})).total).toBe(0);
});

test('Vouchers: search by code, filter by status, details with codes, void with a reason', async ({ page, host }) => {
  const issued = await api(host, 'vouchers.issue', { title: 'Birthday gift', description: 'A slice of cake\nwith the coffee', redeemCode: { kind: 'generated' }, validity: { kind: 'unlimited' }, quantity: 3 });
  await api(host, 'vouchers.redeem', { input: issued.vouchers[0]!.token });
  await page.goto(host.url);
  await page.getByRole('link', { name: 'Vouchers', exact: true }).click();
  await expect(page.getByText('3 vouchers')).toBeVisible();
  await page.getByRole('checkbox', { name: 'Redeemed' }).check();
  await expect(page.locator(`[data-batch-id="${issued.batchId}"]`)).toContainText('1 of 3 matches');
  await page.locator(`[data-batch-id="${issued.batchId}"]`).click();
  await expect(page.locator('[data-voucher-id]')).toHaveCount(1);
  await page.getByRole('checkbox', { name: 'Redeemed' }).uncheck();
  const code = issued.vouchers[1]!.redeemCode!;
  await page.getByRole('searchbox', { name: 'Search code, title or customer…' }).fill(code.slice(0, 6).toLowerCase());
  await expect(page.locator('[data-voucher-id]')).toHaveCount(1);
  await page.locator('[data-voucher-id]').click();
  const dialog = page.getByRole('dialog', { name: `Voucher #${issued.vouchers[1]!.id}` });
  await expect(dialog.getByTestId('voucher-qr')).toBeVisible();
  await expect(dialog.getByTestId('voucher-status')).toHaveText('Active');
  await expect(dialog.getByText('A slice of cake')).toBeVisible();
  await dialog.getByRole('button', { name: 'Void' }).click();
  await expect(dialog.getByRole('button', { name: /Void voucher/ })).toBeDisabled();
  await dialog.getByLabel('Reason for voiding (required)').fill('Handed out by mistake');
  await dialog.getByRole('button', { name: /Void voucher/ }).click();
  await expect(dialog.getByTestId('voucher-status')).toHaveText('Voided');
  await expect(dialog.getByText('Handed out by mistake').first()).toBeVisible();
});

test('Scan & Redeem: unmistakable outcomes for vouchers, cards with a stamp cooldown, and a seat lock', async ({ page, host }) => {
  await api(host, 'settings.set', { seatName: 'Counter 2', scanLockAfter: 3, scanLockMinutes: 5 });
  const [gift] = (await api(host, 'vouchers.issue', { title: 'Free dessert', redeemCode: { kind: 'generated' }, validity: { kind: 'unlimited' } })).vouchers;
  await api(host, 'vouchers.issue', { title: 'Coffee A', redeemCode: { kind: 'static', code: 'FREECOFFEE' }, validity: { kind: 'unlimited' } });
  await api(host, 'vouchers.issue', { title: 'Coffee B', redeemCode: { kind: 'static', code: 'FREECOFFEE' }, validity: { kind: 'unlimited' } });
  await page.goto(host.url);
  await page.getByRole('link', { name: 'Scan & Redeem' }).click();
  const field = page.getByLabel('Scan or type a code');
  await expect(field).toBeFocused();
  const scan = async (text: string) => {
    await field.fill(text);
    await field.press('Enter');
  };
  const code = gift!.redeemCode!;
  await scan(`${code.slice(0, 4)} ${code.slice(4, 8)} ${code.slice(8)}`.toLowerCase());
  await expect(page.locator('[data-outcome]')).toHaveAttribute('data-outcome', 'redeemed');
  await expect(field).toBeFocused();
  await scan(gift!.token);
  await expect(page.locator('[data-outcome]')).toHaveAttribute('data-outcome', 'already_redeemed');
  await expect(page.locator('[data-outcome]')).toContainText('at Counter 2');
  await scan('FREECOFFEE');
  await expect(page.locator('[data-outcome]')).toHaveAttribute('data-outcome', 'ambiguous');
  await page.getByRole('button', { name: /Coffee B/ }).click();
  await expect(page.locator('[data-outcome]')).toHaveAttribute('data-outcome', 'redeemed');
  await expect(page.locator('[data-outcome]')).toContainText('Coffee B');

  await scan('113772');
  await expect(page.locator('[data-outcome]')).toHaveAttribute('data-outcome', 'card');
  await expect(page.locator('[data-outcome]')).toContainText('#113772 - Olivia Smith');
  await page.getByRole('button', { name: 'Add stamp' }).click();
  await expect(page.getByText('Stamp added: 3 / 8.')).toBeVisible();
  // the cooldown keeps the button off, with a countdown, and a rescan of the same card says so too
  await expect(page.getByRole('button', { name: 'Add stamp' })).toBeDisabled();
  await expect(page.getByTestId('stamp-cooldown')).toContainText(/Another stamp is possible in (30|29|28) s/);
  await scan('113772');
  await expect(page.getByRole('button', { name: 'Add stamp' })).toBeDisabled();
  await expect(page.getByTestId('stamp-cooldown')).toBeVisible();

  // another seat stamps a card between the scan and the click: the refusal shows in the card, the count stays
  await scan('113776');
  await expect(page.getByRole('button', { name: 'Add stamp' })).toBeEnabled();
  const before = await api(host, 'cards.addStamp', { id: 113776 });
  await page.getByRole('button', { name: 'Add stamp' }).click();
  await expect(page.locator('[data-outcome="card"]')).toContainText('a double scan?');
  expect((await api(host, 'cards.get', { id: 113776 })).stamps).toBe(before.stamps);

  // a card left full (8 of 8) before rewards were issued: its next stamp issues the reward and starts a new round
  await scan('113773');
  await expect(page.locator('[data-outcome="card"]')).toContainText('The card is full (8 stamps): the next stamp issues its reward');
  await page.getByRole('button', { name: 'Add stamp' }).click();
  await expect(page.getByText('Stamp added: 1 / 8.')).toBeVisible();
  await expect(page.getByTestId('reward-issued')).toContainText('Reward issued: Template 1024 reward');

  const typo = code.slice(0, 3) + (code[3] === 'A' ? 'B' : 'A') + code.slice(4);
  await scan(typo);
  await expect(page.locator('[data-outcome]')).toHaveAttribute('data-outcome', 'invalid_check');
  await scan('NOPE-1');
  await expect(page.locator('[data-outcome]')).toHaveAttribute('data-outcome', 'unknown');
  await scan('NOPE-2');
  await expect(page.locator('[data-outcome]')).toContainText('Too many unknown codes from this seat');
  await scan(gift!.token);
  await expect(page.locator('[data-outcome]')).toHaveAttribute('data-outcome', 'locked');
});

test('100 simultaneous redemptions over HTTP: exactly one redeemed', async ({ host }) => {
  const [voucher] = (await api(host, 'vouchers.issue', { title: 'Race', redeemCode: { kind: 'generated' }, validity: { kind: 'unlimited' } })).vouchers;
  const outcomes = await Promise.all(Array.from({ length: 100 }, () => api(host, 'vouchers.redeem', { input: voucher!.token }).then((r) => r.outcome)));
  expect(outcomes.filter((o) => o === 'redeemed')).toHaveLength(1);
  expect(outcomes.filter((o) => o === 'already_redeemed')).toHaveLength(99);
});
