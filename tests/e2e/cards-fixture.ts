import fs from 'node:fs';
import path from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';
import { api } from '../support/api-client';
import { startWebHost, type RunningHost } from '../support/start-web-host';

export const FIXTURE_CSV = fs.readFileSync(path.resolve('tests/support/fixtures/cards.csv'), 'utf8');

/** A browser host whose shop holds the fixture cards (names in five scripts), in Asia/Bangkok. */
export const test = base.extend<{ host: RunningHost }>({
  host: async ({}, use) => {
    const host = await startWebHost();
    await api(host, 'settings.set', { timeZone: 'Asia/Bangkok', shopName: 'Fixture Café' });
    const report = await api(host, 'cards.importCsv', { csv: FIXTURE_CSV, dryRun: false });
    if (report.imported !== 7) throw new Error(`fixture import: ${JSON.stringify(report)}`);
    await use(host);
    await host.stop();
  },
});

export { expect };

/** Opens the Issued user cards section. */
export async function openCards(page: Page, host: RunningHost): Promise<void> {
  await page.goto(host.url);
  await page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'Issued user cards' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'User Stamp Cards' })).toBeVisible();
}

/** The card numbers of the visible rows, top to bottom. */
export async function visibleIds(page: Page): Promise<number[]> {
  const ids = await page.locator('[data-card-id]').evaluateAll((rows) =>
    rows
      .map((row) => ({ id: Number((row as HTMLElement).dataset.cardId), index: Number((row as HTMLElement).dataset.index) }))
      .sort((a, b) => a.index - b.index)
      .map((r) => r.id),
  );
  return ids;
}

export async function search(page: Page, query: string): Promise<void> {
  await page.getByRole('searchbox', { name: /Search by name/ }).fill(query);
}
