import fs from 'node:fs';
import { expect, test } from './fixtures';
import { api } from '../support/api-client';
import { formatNumber } from '../../shared/i18n/format';
import { PLURAL_LOCALES, type Locale } from '../../shared/domain/locales';
import { leaves, readCatalogue } from '../support/catalogue-files';

/** A catalogue text as the admin shows it: the plural form for `count`, placeholders filled, numbers in the locale's digits. */
function translate(locale: Locale, key: string, params: Record<string, string | number> = {}): string {
  const texts = leaves(readCatalogue(locale));
  const plural = params.count === undefined ? null : new Intl.PluralRules(PLURAL_LOCALES[locale]).select(Number(params.count));
  const text = (plural && texts.get(`${key}_${plural}`)) ?? texts.get(key);
  if (text === undefined) throw new Error(`no ${locale} text for ${key}`);
  return text.replace(/\{\{\s*(\w+)\s*(,\s*number)?\s*\}\}/g, (_, name: string, number?: string) =>
    number ? formatNumber(Number(params[name]), locale) : String(params[name]),
  );
}

const HEADER = 'card_id,name,email,phone,template_id,template_version,stamps,goal,platforms,created_at,last_stamp_at';
const csvOf = (rows: number, first: number) =>
  [HEADER, ...Array.from({ length: rows }, (_, i) => `${first + i},Many Person ${i},,+66 81 ${String(i).padStart(7, '0')},1024,3,2,8,web,,`)].join('\r\n');

fs.mkdirSync('test-results/screens', { recursive: true });

for (const locale of ['en', 'azb'] as const) {
  test(`a 40,000-row import shows how far it is while it runs, then the summary (${locale})`, async ({ page, host }) => {
    test.setTimeout(180_000);
    await api(host, 'settings.set', { locale, timeZone: 'Asia/Bangkok' });
    await api(host, 'cards.importCsv', { csv: csvOf(1, 100), dryRun: false });
    await page.goto(host.url);
    await page.locator('a[href="#/cards"]').click();
    await page.getByRole('button', { name: translate(locale, 'cards.importButton') }).click();
    const dialog = page.getByRole('dialog');
    await dialog.locator('input[type=file]').setInputFiles({ name: 'many.csv', mimeType: 'text/csv', buffer: Buffer.from(csvOf(40_000, 5_000_000)) });
    await expect(dialog.getByTestId('import-imported')).toHaveText(formatNumber(40_000, locale), { timeout: 60_000 });

    await dialog.getByRole('button', { name: translate(locale, 'cards.import.confirm', { count: 40_000 }) }).click();
    const progress = dialog.getByTestId('work-progress');
    await expect(progress.getByRole('progressbar', { name: translate(locale, 'cards.import.progress.label') })).toBeVisible();
    // the host answers the progress questions while it writes: "Saving … of 40,000 cards…"
    const writing = progress.locator('[data-stage="writing"]');
    await expect(writing).toContainText(formatNumber(40_000, locale), { timeout: 60_000 });
    await dialog.screenshot({ path: `test-results/screens/import-progress-${locale}.png` });

    await expect(dialog.getByText(translate(locale, 'cards.import.did'))).toBeVisible({ timeout: 120_000 });
    await expect(dialog.getByTestId('import-imported')).toHaveText(formatNumber(40_000, locale));
    await expect(progress).toHaveCount(0);
    expect((await api(host, 'app.info', {})).cards).toBe(40_001);
  });

  test(`GENERATE VOUCHER with 10,000 vouchers shows the batch's progress, then the batch (${locale})`, async ({ page, host }) => {
    test.setTimeout(120_000);
    await api(host, 'settings.set', { locale, timeZone: 'Asia/Bangkok' });
    await page.goto(host.url);
    await page.locator('a[href="#/issue-voucher"]').click();
    await page.getByTestId('voucher-title').fill(locale === 'en' ? 'Opening party' : 'آچیلیش بایرامی');
    await page.getByLabel(translate(locale, 'issue.quantity')).fill(formatNumber(10_000, locale).replace(/[,٬]/g, ''));
    // the call is held back until the progress has been seen: a fast machine makes the batch within one poll
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/rpc/vouchers.issue', async (route) => {
      await held;
      await route.continue();
    });
    await page.getByRole('button', { name: 'GENERATE VOUCHER' }).click();
    const progress = page.getByTestId('work-progress');
    await expect(progress.getByRole('progressbar', { name: translate(locale, 'issue.progress.label') })).toBeVisible();
    await expect(progress).toContainText(translate(locale, 'issue.generating'));
    await page.screenshot({ path: `test-results/screens/batch-progress-${locale}.png` });
    release();
    await expect(page.getByTestId('issued-codes').getByRole('listitem').first()).toBeVisible({ timeout: 60_000 });
    await expect(progress).toHaveCount(0);
    expect((await api(host, 'app.info', {})).vouchers).toBe(10_000);
  });
}
