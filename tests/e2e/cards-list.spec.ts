import { api } from '../support/api-client';
import { expect, openCards, search, test, visibleIds } from './cards-fixture';

test('the list shows every column: ID, User, Progress, Platform icons and the arrow', async ({ page, host }) => {
  await openCards(page, host);
  await expect(page.getByTestId('cards-total')).toHaveText('7 cards');
  const headers = page.getByRole('columnheader');
  await expect(headers).toHaveText([/^ID/, 'User', 'Progress', 'Platform', 'Open details']);
  await expect(page.getByRole('button', { name: 'ID', exact: false }).first()).toHaveAttribute('aria-sort', 'descending');
  expect(await visibleIds(page)).toEqual([113778, 113777, 113776, 113775, 113774, 113773, 113772]);
  const row = page.locator('[data-card-id="113773"]');
  await expect(row.getByRole('cell').nth(0)).toHaveText('113773');
  await expect(row.getByRole('cell').nth(1)).toHaveText('สมชาย ศรีสุข');
  await expect(row.getByRole('cell').nth(2)).toHaveText('8/8');
  await expect(row.locator('[data-platform]')).toHaveCount(2);
  await expect(row.getByRole('img')).toHaveAccessibleName('Apple Wallet and Google Wallet');
  await expect(page.locator('[data-card-id="113772"]').getByRole('img')).toHaveAccessibleName('Web (no wallet)');
  await expect(row.getByRole('cell').nth(4)).toHaveAccessibleName('Open details');
  await expect(row.locator('.col-open [aria-hidden=true]')).toHaveText('›');
});

test('search finds names in every script, e-mails, phones, card numbers and tokens', async ({ page, host }) => {
  await openCards(page, host);
  const token = (await api(host, 'cards.get', { id: 113775 })).token;
  const cases: Array<[string, number[]]> = [
    ['mith', [113772]], // part of a Latin name
    ['OLIVIA', [113772]], // any case
    ['ชาย', [113773]], // inside a Thai word, no spaces
    ['สมชายศรีสุข', [113773]], // Thai written without the space
    ['민준', [113774]], // two Hangul syllables inside 김민준
    ['رضا', [113775]], // Arabic script, part of رضایی
    ['પટેલ', [113776]], // Gujarati
    ['AMIT.PATEL@EX', [113776]], // e-mail start, any case
    ['081 234 5678', [113773]], // phone stored in Thai digits, typed in ASCII with spaces
    ['۰۹۱۴۱۲۳', [113775]], // Persian digits
    ['98765-43210', [113776]], // dashes
    ['+66 81 234 5678', [113773]], // stored without the country code, typed with it (the shop is in Thailand)
    ['098765 43210', [113776]], // stored as +91 98765 43210, typed as at home in India
    ['113774', [113774]], // card ID
    [token, [113775]], // card token
    ["o'brien", [113777]], // SQL quote is plain text
    ['"MJ"', [113778]], // FTS quote is plain text
    ['mary-jane', [113778]], // FTS minus is plain text
  ];
  for (const [query, expected] of cases) {
    await search(page, query);
    await expect.poll(() => visibleIds(page), { message: query }).toEqual(expected);
  }
  for (const query of ['*', 'NEAR', '" OR "', "'; DROP TABLE cards; --", 'smith*']) {
    await search(page, query);
    await expect(page.getByTestId('cards-total')).toHaveText(/found/);
    await expect(page.getByRole('alert')).toHaveCount(0);
  }
  await search(page, 'nobody-like-this');
  await expect(page.getByRole('heading', { name: 'No cards match' })).toBeVisible();
  await search(page, '');
  await expect(page.getByTestId('cards-total')).toHaveText('7 cards');
});

test('each filter narrows the list and shows a removable chip', async ({ page, host }) => {
  await openCards(page, host);
  await page.getByRole('button', { name: 'Filter' }).click();
  const panel = page.getByRole('region', { name: 'Filter' });

  await panel.getByLabel('Apple Wallet').check();
  await expect.poll(() => visibleIds(page)).toEqual([113776, 113775, 113773]);
  await panel.getByLabel('Google Wallet').check();
  await expect.poll(() => visibleIds(page)).toEqual([113778, 113776, 113775, 113774, 113773]);
  await panel.getByLabel('Apple Wallet').uncheck();
  await panel.getByLabel('Google Wallet').uncheck();

  await panel.getByLabel('Stamp card ID').selectOption('2048');
  await expect.poll(() => visibleIds(page)).toEqual([113778, 113775, 113774]);
  await panel.getByLabel('Version').selectOption('1');
  await expect.poll(() => visibleIds(page)).toEqual([113778, 113775, 113774]);
  const chips = page.getByRole('list', { name: 'Active filters' });
  await expect(chips.getByRole('listitem')).toHaveText([/Template 2048 v1/]);
  await chips.getByRole('button', { name: /Remove filter Template 2048/ }).click();
  await expect(page.getByTestId('cards-total')).toHaveText('7 cards');

  await panel.getByLabel('Goal reached').check();
  await expect.poll(() => visibleIds(page)).toEqual([113773]);
  await panel.getByLabel('Goal reached').uncheck();
  await panel.getByLabel('Not started').check();
  await expect.poll(() => visibleIds(page)).toEqual([113774]);
  await panel.getByLabel('Collecting').check();
  await expect.poll(() => visibleIds(page)).toEqual([113778, 113777, 113776, 113775, 113774, 113772]);
  await panel.getByRole('button', { name: 'Clear all' }).click();

  await panel.getByLabel('Created from').fill('2026-03-01');
  await panel.getByLabel('Created to').fill('2026-04-30');
  await expect.poll(() => visibleIds(page)).toEqual([113775, 113774]);
  await panel.getByRole('button', { name: 'Clear all' }).click();
  await panel.getByLabel('Last stamp from').fill('2026-11-01');
  await panel.getByLabel('Last stamp to').fill('2026-11-30');
  await expect.poll(() => visibleIds(page)).toEqual([113773, 113772]);
  await expect(chips.getByRole('listitem')).toHaveCount(2);
  await chips.getByRole('button', { name: /Remove filter Last stamp from/ }).click();
  await chips.getByRole('button', { name: /Remove filter Last stamp to/ }).click();
  await expect(page.getByTestId('cards-total')).toHaveText('7 cards');
});

test('sorting by ID, name, progress, created and last stamp', async ({ page, host }) => {
  await openCards(page, host);
  await page.getByRole('button', { name: 'ID', exact: true }).click();
  await expect.poll(() => visibleIds(page)).toEqual([113772, 113773, 113774, 113775, 113776, 113777, 113778]);
  await page.getByRole('button', { name: 'Progress' }).click();
  await expect.poll(async () => (await visibleIds(page))[0]).toBe(113773); // 8/8 first
  const sort = page.getByLabel('Sort by');
  await sort.selectOption('name:asc');
  await expect.poll(async () => (await visibleIds(page))[0]).toBe(113778); // "mary-jane…" before "olivia…" before other scripts
  await sort.selectOption('created:asc');
  await expect.poll(async () => (await visibleIds(page))[0]).toBe(113772);
  await sort.selectOption('lastStamp:desc');
  await expect.poll(async () => (await visibleIds(page))[0]).toBe(113773);
});

test('a slower, older search answer never replaces a newer one', async ({ page, host }) => {
  await openCards(page, host);
  // hold back the answer for "สม" until the answer for "สมชาย" has been shown
  let release: () => void = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/rpc/cards.search', async (route) => {
    const body = route.request().postDataJSON() as { query?: string };
    if (body.query === 'สม') await held;
    await route.continue();
  });
  const box = page.getByRole('searchbox', { name: /Search by name/ });
  await box.fill('สม');
  await box.fill('สมชาย');
  await expect.poll(() => visibleIds(page)).toEqual([113773]);
  release();
  await page.waitForTimeout(500);
  expect(await visibleIds(page)).toEqual([113773]);
  await expect(page.getByTestId('cards-total')).toHaveText('1 card found');
});
