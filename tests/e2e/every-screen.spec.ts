import { test, expect, type Page } from '@playwright/test';
import { SUPPORTED_LOCALES, type Locale } from '../../shared/domain/locales';
import { api } from '../support/api-client';
import { checkScreen, englishOnlyTexts } from '../support/screen-check';
import { startWebHost, type RunningHost } from '../support/start-web-host';
import { startCloud } from '../support/cloud';
import { makeRedemptionConflict } from './sync-fixture';

/**
 * Every section and dialog in every language at 1280×800, with screenshots in test-results/screens/<locale>/:
 * fails when lang/dir are wrong, when a labelled element's text does not fit its box, or when a text on
 * screen is still the English of a string the language translates.
 */
test.describe.configure({ mode: 'serial', timeout: 240_000 });
test.use({ viewport: { width: 1280, height: 800 } });

async function go(page: Page, section: string): Promise<void> {
  await page.evaluate((id) => (window.location.hash = `#/${id}`), section);
  await expect(page.locator(`[data-section-page="${section}"]`)).toBeVisible();
  await expect(page.locator('h1').first()).toBeVisible();
}

async function escape(page: Page): Promise<void> {
  await page.keyboard.press('Escape');
}

for (const locale of SUPPORTED_LOCALES) {
  test(`every screen in ${locale}`, async ({ page, browser }) => {
    const host: RunningHost = await startWebHost();
    try {
      await api(host, 'settings.set', { locale: locale as Locale, timeZone: 'Asia/Bangkok' });
      const english = englishOnlyTexts(locale);
      const problems: string[] = [];
      const look = async (name: string) => problems.push(...(await checkScreen(page, locale, name, english)));

      // the empty shop opens on its welcome, which names the shop and loads the demo data
      await page.goto(host.url);
      const welcome = page.getByTestId('welcome');
      await expect(welcome).toBeVisible();
      await look('welcome');
      await welcome.locator('input').first().fill('Café Sukhumvit');
      await welcome.locator('.button--primary').click();
      await expect(page.locator('[data-card-id]').first()).toBeVisible();
      await look('cards');

      await page.getByTestId('filter-toggle').click();
      await expect(page.locator('.filter-panel')).toBeVisible();
      await look('cards-filter');
      await page.getByTestId('filter-toggle').click();

      await page.locator('[data-card-id]').first().click();
      await expect(page.getByTestId('panel-heading')).toBeVisible();
      await look('card-panel');
      await page.getByTestId('action-history').click();
      await expect(page.getByTestId('history-list').locator('li').first()).toBeVisible();
      await look('card-history');
      for (const action of ['message', 'adjust', 'delete'] as const) {
        await page.getByTestId(`action-${action}`).click();
        await expect(page.locator('dialog[open]')).toBeVisible();
        await look(`card-${action}-dialog`);
        await escape(page);
        await expect(page.locator('dialog[open]')).toHaveCount(0);
      }
      await escape(page);
      await page.getByTestId('import-button').first().click();
      await expect(page.locator('dialog[open]')).toBeVisible();
      await look('cards-import-dialog');
      await escape(page);

      await go(page, 'issue-voucher');
      await look('issue-voucher');
      await page.locator('label:has(input[name="validity"][value="fixed"])').click();
      await look('issue-voucher-fixed-date');
      await page.locator('label:has(input[name="validity"][value="days"])').click();
      await page.getByTestId('voucher-title').fill('Free coffee ☕');
      await page.locator('form button[type="submit"]').click();
      await expect(page.getByTestId('issue-result')).toBeVisible();
      await look('issue-voucher-result');

      await go(page, 'vouchers');
      await expect(page.locator('[data-voucher-id]').first()).toBeVisible();
      await look('vouchers');
      // a batch row, opened to its vouchers
      const batch = page.locator('[data-batch-id]').last();
      await batch.locator('.batch-row__toggle').click();
      await expect(page.locator('.voucher-row--in-batch[data-voucher-id]').first()).toBeVisible();
      await look('vouchers-batch');
      await batch.locator('.batch-row__toggle').click();
      await page.locator('[data-voucher-id]').first().click();
      await expect(page.getByTestId('voucher-qr')).toBeVisible();
      await look('voucher-details');
      // printing before any printer was added: the dialog says so and points to Printers
      if (await page.locator('dialog[open]').getByTestId('print-button').isEnabled()) {
        await page.locator('dialog[open]').getByTestId('print-button').click();
        await expect(page.getByTestId('print-no-printer')).toBeVisible();
        await look('print-dialog-no-printer');
        await escape(page);
      }
      if (await page.getByTestId('void-button').isVisible()) {
        await page.getByTestId('void-button').click();
        await look('voucher-void');
      }
      await escape(page);

      await go(page, 'scan');
      await look('scan');
      const scanField = page.locator('.scan-form__input');
      await scanField.fill('NOT-A-CODE-123');
      await scanField.press('Enter');
      await expect(page.locator('[data-outcome]')).toBeVisible();
      await look('scan-unknown');
      const card = (await api(host, 'cards.search', { limit: 1 })).items[0]!;
      await scanField.fill(String(card.id));
      await scanField.press('Enter');
      await expect(page.locator('[data-outcome="card"]')).toBeVisible();
      await look('scan-card');
      // a card left full: its next stamp issues the reward, which the counter can redeem on the spot
      const full = (await api(host, 'cards.search', { filter: { progress: ['goalReached'] }, limit: 1 })).items[0]!;
      await scanField.fill(String(full.id));
      await scanField.press('Enter');
      await expect(page.locator('[data-outcome="card"]')).toContainText(`#${full.id}`);
      await page.locator('[data-outcome="card"] button').first().click();
      await expect(page.getByTestId('reward-issued')).toBeVisible();
      await look('scan-reward-issued');
      // three unknown codes pause scanning (the one above counts): the banner, its confirmation, the history
      await api(host, 'settings.set', { scanLockAfter: 3 });
      for (const guess of ['NOT-A-CODE-456', 'NOT-A-CODE-789']) {
        await scanField.fill(guess);
        await scanField.press('Enter');
      }
      await expect(page.getByTestId('scan-pause')).toBeVisible();
      await look('scan-paused');
      await page.getByTestId('scan-pause').getByRole('button').click();
      await expect(page.locator('dialog[open]')).toBeVisible();
      await look('scan-end-pause-dialog');
      await page.locator('dialog[open] .button--primary').click();
      await expect(page.getByTestId('scan-pause')).toHaveCount(0);
      await expect(page.getByTestId('pause-history')).toBeVisible();
      await look('scan-pause-history');

      // Printers: none yet, the Add printer dialog, a printer that cannot be reached, its removal, the jobs, printing
      await go(page, 'printers');
      await expect(page.getByTestId('empty-state')).toBeVisible();
      await look('printers-empty');
      await page.getByTestId('add-printer').click();
      await expect(page.locator('dialog[open]')).toBeVisible();
      await look('printers-add-dialog');
      await page.locator('dialog[open] input[name="name"]').fill(' ');
      await page.getByTestId('add-printer-submit').click();
      await expect(page.locator('dialog[open] .field__error').first()).toBeVisible();
      await look('printers-add-dialog-error');
      await escape(page);
      const closedPort = await api(host, 'printers.add', { kind: 'network', name: 'Counter printer', host: '127.0.0.1', port: 9, paperWidth: 80, language: 'esc-pos' });
      await api(host, 'printers.add', { kind: 'system', name: 'Office printer', paperWidth: 58 });
      const active = (await api(host, 'vouchers.list', { status: ['active'], limit: 1 })).items[0]!;
      await api(host, 'print.voucher', { voucherId: active.id, printerId: closedPort.id });
      await go(page, 'about');
      await go(page, 'printers');
      const counter = page.locator(`[data-printer-id="${closedPort.id}"]`);
      await counter.getByTestId('printer-status').click();
      await expect(counter.getByTestId('printer-state')).not.toHaveAttribute('data-state', 'unknown');
      await look('printers');
      await counter.getByTestId('printer-remove').click();
      await expect(page.locator('dialog[open]')).toBeVisible();
      await look('printers-remove-dialog');
      await escape(page);
      await page.getByTestId('tab-jobs').click();
      await expect(page.getByTestId('job-row').first()).toBeVisible();
      // the printer refuses the connection: the job waits for it, saying why
      await expect(page.getByTestId('job-row').first().getByTestId('job-reason')).toBeVisible({ timeout: 30_000 });
      await look('print-jobs');
      await page.getByTestId('job-cancel').first().click();
      await expect(page.locator('dialog[open]')).toBeVisible();
      await look('print-cancel-dialog');
      await escape(page);
      await go(page, 'vouchers');
      await page.locator(`[data-voucher-id="${active.id}"]`).first().click();
      await page.locator('dialog[open]').getByTestId('print-button').click();
      await expect(page.getByTestId('print-preview-image')).toBeVisible();
      await look('print-dialog');
      await escape(page);
      await escape(page);

      // Sync against the reference cloud: not set up, a failed and a passed connection test, synced, a redemption
      // that did not stand, and offline once the cloud is gone (the shell's status shows on every screen after it)
      const cloud = await startCloud({ port: 0 });
      let cloudOpen = true;
      try {
        const { apiKey } = await cloud.createShop('Café Sukhumvit');
        await go(page, 'sync');
        await expect(page.getByTestId('sync-status')).toBeVisible();
        await look('sync-not-set-up');
        await page.locator('input[name="url"]').fill(cloud.url);
        await page.locator('input[name="apiKey"]').fill('not-the-shops-key');
        await page.getByTestId('sync-test').click();
        await expect(page.getByTestId('sync-test-result')).toHaveAttribute('data-ok', 'false');
        await look('sync-test-failed');
        await page.locator('input[name="apiKey"]').fill(apiKey);
        await page.getByTestId('sync-test').click();
        await expect(page.getByTestId('sync-test-result')).toHaveAttribute('data-ok', 'true');
        await look('sync-test-ok');
        await page.getByTestId('sync-save').click();
        await expect(page.getByTestId('sync-key-note')).toBeVisible();
        await page.getByTestId('sync-now').click();
        await expect(page.getByTestId('sync-status')).toHaveAttribute('data-state', 'synced', { timeout: 60_000 });
        await look('sync');
        await makeRedemptionConflict(host, cloud, apiKey, 'Free coffee ☕');
        // (changes to the demo cards, which stay on this PC, are listed as refused by the cloud as well)
        await expect(page.locator('[data-testid="sync-conflict"][data-kind="redeemedElsewhere"]')).toHaveCount(1);
        await page.getByTestId('sync-conflicts-section').scrollIntoViewIfNeeded();
        await look('sync-conflicts');
        await cloud.close();
        cloudOpen = false;
        await expect(page.getByTestId('shell-sync')).toHaveAttribute('data-state', 'offline', { timeout: 30_000 });
        await page.locator('h1').first().scrollIntoViewIfNeeded();
        await look('sync-offline');
      } finally {
        if (cloudOpen) await cloud.close();
      }

      await go(page, 'settings');
      await look('settings');
      // a refusal from the core, shown beside its field in the admin's language
      await page.locator('input[name="seatName"]').fill(' ');
      await page.locator('form button[type="submit"]').click();
      await expect(page.locator('.field__error')).toBeVisible();
      await look('settings-error');
      await go(page, 'about');
      await look('about');

      // the browser host's page for a tab opened without its link speaks the browser's language
      const context = await browser.newContext({ locale: locale === 'azb' ? 'azb-IR' : locale, viewport: { width: 1280, height: 800 } });
      const stranger = await context.newPage();
      await stranger.goto(host.origin);
      await expect(stranger.locator('h1')).toBeVisible();
      problems.push(...(await checkScreen(stranger, locale, 'no-access', english)));
      await context.close();

      expect(problems).toEqual([]);
    } finally {
      await host.stop();
    }
  });
}
