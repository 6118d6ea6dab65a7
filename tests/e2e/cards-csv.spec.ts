import fs from 'node:fs';
import { expect, openCards, test, visibleIds } from './cards-fixture';
import { startWebHost } from '../support/start-web-host';

const HEADER = 'card_id,name,email,phone,template_id,template_version,stamps,goal,platforms,created_at,last_stamp_at';

test('CSV import shows a dry-run summary first, rejects the bad row with its line and reason, then imports', async ({ page, host }) => {
  await openCards(page, host);
  const csv = [
    HEADER,
    '200001,Ruby Evans,ruby@example.com,+44 7700 900555,1024,2,3,8,apple,2026-08-01,2026-11-02 10:00',
    '200002,ฐิติมา ใจดี,,,2048,1,12,10,web,2026-08-02,', // stamps over the goal
    '113773,สมชาย ศรีสุข,somchai.s@example.com,๐๘๑-๒๓๔-๕๖๗๘,1024,2,8,8,apple|google,2026-02-01T09:00:00Z,2026-11-20T08:00:00Z', // unchanged
    '113774,김민준,minjun.kim@example.com,010-1234-5678,2048,1,4,10,google,2026-03-05T09:00:00Z,2026-11-21T09:00:00Z', // update
  ].join('\r\n');
  await page.getByRole('button', { name: 'Import' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import cards from CSV' });
  await dialog.locator('input[type=file]').setInputFiles({ name: 'cards.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await expect(dialog.getByText('Nothing has changed yet.')).toBeVisible();
  await expect(dialog.getByTestId('import-rows')).toHaveText('4');
  await expect(dialog.getByTestId('import-imported')).toHaveText('1');
  await expect(dialog.getByTestId('import-updated')).toHaveText('1');
  await expect(dialog.getByTestId('import-skipped')).toHaveText('1');
  await expect(dialog.getByTestId('import-rejected')).toHaveText('1');
  await expect(dialog.getByRole('listitem')).toHaveText(['Line 3: stamps (12) are more than the goal (10)']);
  await expect(page.getByTestId('cards-total')).toHaveText('7 cards'); // the dry run changed nothing

  await dialog.getByRole('button', { name: 'Import 2 cards' }).click();
  await expect(dialog.getByText('Import finished:')).toBeVisible();
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(page.getByTestId('cards-total')).toHaveText('8 cards');
  expect((await visibleIds(page))[0]).toBe(200001);
  await expect(page.locator('[data-card-id="113774"]').getByRole('cell').nth(2)).toHaveText('4/10');
});

test('a bad file changes nothing and says why: broken quoting, wrong encoding, too many columns', async ({ page, host }) => {
  await openCards(page, host);
  const files: Array<[string, Buffer, RegExp]> = [
    ['broken.csv', Buffer.from(`${HEADER}\r\n300001,"Unclosed name,x@example.com,,1024,2,1,8,web,2026-01-01,\r\n`), /Line 2: a quoted field is never closed/],
    ['latin1.csv', Buffer.concat([Buffer.from(`${HEADER}\r\n300002,Jos`), Buffer.from([0xe9]), Buffer.from(',,,1024,2,1,8,web,2026-01-01,\r\n')]), /not UTF-8/],
    ['wide.csv', Buffer.from(`${Array.from({ length: 500_000 }, (_, i) => `c${i}`).join(',')}\r\n`), /more than 50 columns/],
  ];
  for (const [name, buffer, message] of files) {
    await page.getByRole('button', { name: 'Import' }).click();
    const dialog = page.getByRole('dialog', { name: 'Import cards from CSV' });
    await dialog.locator('input[type=file]').setInputFiles({ name, mimeType: 'text/csv', buffer });
    await expect(dialog.getByRole('alert')).toContainText(message);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
  }
  await expect(page.getByTestId('cards-total')).toHaveText('7 cards');
});

test('Export saves the current result as UTF-8 CSV with a BOM', async ({ page, host }) => {
  await openCards(page, host);
  await page.getByRole('button', { name: 'Filter' }).click();
  await page.getByRole('region', { name: 'Filter' }).getByLabel('Apple Wallet').check();
  await expect(page.getByTestId('cards-total')).toHaveText('3 cards found');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export' }).click();
  const text = fs.readFileSync(await (await download).path(), 'utf8');
  expect(text.charCodeAt(0)).toBe(0xfeff);
  const lines = text.slice(1).trim().split('\r\n');
  expect(lines[0]).toBe(HEADER);
  expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual(['113773', '113775', '113776']);
  expect(text).toContain('สมชาย ศรีสุข');
  expect(text).toContain('علی رضایی');
  await expect(page.getByText('Exported 3 cards.')).toBeVisible();
});

test('scrolling a long list keeps loading rows, with the total shown', async ({ page }) => {
  const demo = await startWebHost({ args: ['--demo'] });
  try {
    await page.goto(demo.url);
    await page.getByRole('link', { name: 'Issued user cards' }).click();
    await expect(page.getByTestId('cards-total')).toHaveText('500 cards');
    const body = page.getByTestId('card-rows');
    await expect(page.locator('[data-card-id]').first()).toBeVisible();
    // virtualized: far fewer rows in the page than cards
    expect(await page.locator('[data-card-id]').count()).toBeLessThan(80);
    for (let i = 0; i < 30; i++) await body.evaluate((el) => el.scrollBy(0, 4000));
    await expect(page.locator('[data-index="499"]')).toBeVisible();
    const ids = await visibleIds(page);
    expect(new Set(ids).size).toBe(ids.length);
  } finally {
    await demo.stop();
  }
});
