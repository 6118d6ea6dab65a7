import { test, expect, type Page } from '@playwright/test';
import { formatRedeemCode } from '../../shared/domain/redeem-code';
import { api } from '../support/api-client';
import { startCloud, type Cloud } from '../support/cloud';
import { startWebHost, type RunningHost } from '../support/start-web-host';
import { anotherTill } from './sync-fixture';

/**
 * The Sync section and the shell's sync status against the browser host and the reference cloud (started here,
 * on 127.0.0.1, in memory): setting up from the UI, the connection test's answers, Sync now, a card saved in the
 * cloud reaching the card list, offline when the cloud goes away, and a redemption that did not stand.
 */
test.describe.configure({ timeout: 120_000 });

async function openSync(page: Page, host: RunningHost): Promise<void> {
  await page.goto(host.url);
  await page.evaluate(() => (window.location.hash = '#/sync'));
  await expect(page.locator('[data-section-page="sync"]')).toBeVisible();
  await expect(page.getByTestId('sync-status')).toBeVisible();
}

const shell = (page: Page) => page.getByTestId('shell-sync');

test('a shop owner sets up sync from the Sync section, syncs, sees a card saved in the cloud, and sees offline when the cloud goes away', async ({ page }) => {
  const cloud: Cloud = await startCloud({ port: 0 });
  let cloudOpen = true;
  const host = await startWebHost();
  try {
    const { apiKey } = await cloud.createShop('Café Tabriz');
    await api(host, 'settings.set', { shopName: 'Café Tabriz', timeZone: 'Asia/Tehran' });
    await openSync(page, host);
    // the shell says sync is not set up yet, from every screen
    await expect(shell(page)).toHaveAttribute('data-state', 'notSetUp');

    const url = page.locator('input[name="url"]');
    const key = page.locator('input[name="apiKey"]');
    await expect(key).toHaveAttribute('type', 'password');
    await url.fill(cloud.url);

    // a wrong key: the test says so in words
    await key.fill('not-the-shops-key');
    await page.getByTestId('sync-test').click();
    const result = page.getByTestId('sync-test-result');
    await expect(result).toHaveAttribute('data-ok', 'false');
    await expect(result).toContainText('The cloud refused the API key.');

    // nobody answers at that address
    await url.fill('http://127.0.0.1:9');
    await page.getByTestId('sync-test').click();
    await expect(result).toHaveAttribute('data-ok', 'false');
    await expect(result).toContainText('does not answer');

    // the right key: the shop's name at the cloud
    await url.fill(cloud.url);
    await key.fill(apiKey);
    await page.getByTestId('sync-test').click();
    await expect(result).toHaveAttribute('data-ok', 'true');
    await expect(result).toContainText('Café Tabriz');

    // saved: the key is gone from the page and never comes back; the note says where it is kept
    await page.getByTestId('sync-save').click();
    await expect(page.getByTestId('sync-saved')).not.toBeEmpty();
    await expect(key).toHaveValue('');
    const note = page.getByTestId('sync-key-note');
    await expect(note).toHaveAttribute('data-storage', 'file');
    await expect(note).toContainText('a file that only your user account on this computer can read');
    const status = await api(host, 'sync.status', {});
    expect(JSON.stringify(status)).not.toContain(apiKey);
    expect(await page.content()).not.toContain(apiKey);

    // Sync now: synced, nothing waiting, in the section and in the shell
    await page.getByTestId('sync-now').click();
    await expect(page.getByTestId('sync-status')).toHaveAttribute('data-state', 'synced');
    await expect(page.getByTestId('sync-pending')).toHaveText('0');
    await expect(shell(page)).toHaveAttribute('data-state', 'synced');
    await expect(shell(page).getByTestId('shell-sync-pending')).toHaveCount(0);
    await expect(shell(page).getByTestId('shell-sync-last')).toBeVisible();

    // a customer saves a new card in the cloud: after a sync it is in the card list
    await cloud.simulate.cardSaved(apiKey, { name: 'Leyla Ahmadi', email: 'leyla@example.com' });
    await page.getByTestId('sync-now').click();
    await expect(page.getByTestId('sync-status')).toHaveAttribute('data-state', 'synced');
    await page.evaluate(() => (window.location.hash = '#/cards'));
    await expect(page.locator('[data-card-id]').filter({ hasText: 'Leyla Ahmadi' })).toBeVisible();
    // the status stays in view on another screen
    await expect(shell(page)).toHaveAttribute('data-state', 'synced');

    // the cloud goes away: the shell says offline, with since when
    await cloud.close();
    cloudOpen = false;
    await expect(shell(page)).toHaveAttribute('data-state', 'offline', { timeout: 30_000 });
    await expect(shell(page)).toContainText('Since');
    await shell(page).click();
    await expect(page.locator('[data-section-page="sync"]')).toBeVisible();
    await expect(page.getByTestId('sync-status')).toHaveAttribute('data-state', 'offline');
  } finally {
    await host.stop();
    if (cloudOpen) await cloud.close();
  }
});

test('a voucher redeemed at two tills while offline: the one that lost lists the conflict with both seats and times, and Mark as seen lowers the count', async ({ page }) => {
  const cloud = await startCloud({ port: 0 });
  const till1 = await startWebHost();
  const till2 = await startWebHost();
  try {
    const { apiKey } = await cloud.createShop('Café Tabriz');
    for (const [host, seat] of [
      [till1, 'Till 1'],
      [till2, 'Till 2'],
    ] as const) {
      await api(host, 'settings.set', { shopName: 'Café Tabriz', seatName: seat, timeZone: 'Asia/Tehran' });
      await api(host, 'sync.configure', { url: cloud.url, apiKey, enabled: true });
    }
    const [voucher] = (await api(till1, 'vouchers.issue', { title: 'Free baklava', redeemCode: { kind: 'generated' }, validity: { kind: 'unlimited' } })).vouchers;
    await api(till1, 'sync.now', {});
    await api(till2, 'sync.now', {});
    expect((await api(till2, 'vouchers.list', {})).items.map((v) => v.title)).toContain('Free baklava');

    // both tills lose the cloud (sync off) and redeem the same voucher
    for (const host of [till1, till2]) await api(host, 'sync.configure', { enabled: false });
    expect((await api(till1, 'vouchers.redeem', { input: voucher!.redeemCode! })).outcome).toBe('redeemed');
    expect((await api(till2, 'vouchers.redeem', { input: voucher!.redeemCode! })).outcome).toBe('redeemed');
    // Till 1 reaches the cloud first; Till 2's redemption comes second and does not stand
    await api(till1, 'sync.configure', { enabled: true });
    await api(till1, 'sync.now', {});
    await api(till2, 'sync.configure', { enabled: true });
    await api(till2, 'sync.now', {});

    await openSync(page, till2);
    await expect(shell(page).getByTestId('shell-sync-conflicts')).toBeVisible();
    await expect(page.getByTestId('sync-conflicts')).toHaveText('1');
    const item = page.getByTestId('sync-conflict');
    await expect(item).toHaveCount(1);
    await expect(item).toHaveAttribute('data-kind', 'redeemedElsewhere');
    await expect(item.getByTestId('sync-conflict-label')).toHaveText('Free baklava');
    const explanation = item.getByTestId('sync-conflict-explanation');
    await expect(explanation).toContainText('at Till 1 on');
    await expect(explanation).toContainText('at Till 2 on');
    await expect(item.getByTestId('sync-conflict-todo')).toContainText('nothing to undo here');

    await item.getByTestId('sync-mark-seen').click();
    await expect(page.getByTestId('sync-conflict')).toHaveCount(0);
    await expect(page.getByTestId('sync-conflicts')).toHaveText('0');
    await expect(shell(page).getByTestId('shell-sync-conflicts')).toHaveCount(0);
    // still there among those already looked at
    await page.getByTestId('sync-show-seen').check();
    await expect(page.getByTestId('sync-conflict')).toHaveCount(1);
    await expect(page.getByTestId('sync-mark-seen')).toHaveCount(0);
  } finally {
    await till1.stop();
    await till2.stop();
    await cloud.close();
  }
});

for (const locale of ['en', 'azb'] as const) {
  test(`a first sync of a shop with many cards shows its progress, in the section and the shell, and the app answers meanwhile (${locale})`, async ({ page }) => {
    const cloud = await startCloud({ port: 0 });
    const host = await startWebHost();
    try {
      const { apiKey } = await cloud.createShop('Café Tabriz');
      for (let i = 0; i < 600; i++) await cloud.simulate.cardSaved(apiKey, { name: `Customer ${i + 1}` });
      await api(host, 'settings.set', { shopName: 'Café Tabriz', timeZone: 'Asia/Tehran', locale });
      await openSync(page, host);
      // a slow line: each page of changes takes a while to come
      cloud.faults.set({ delayMs: 1500 });
      await page.locator('input[name="url"]').fill(cloud.url);
      await page.locator('input[name="apiKey"]').fill(apiKey);
      await page.getByTestId('sync-save').click();

      const progress = page.getByTestId('sync-progress');
      await expect(progress).toBeVisible({ timeout: 20_000 });
      await expect(progress.getByRole('progressbar')).toBeVisible();
      await expect(shell(page).getByRole('progressbar')).toBeVisible();
      await page.screenshot({ path: `test-results/sync/${locale}-first-sync.png` });
      // meanwhile the app answers: the card list opens
      await page.evaluate(() => (window.location.hash = '#/cards'));
      await expect(page.locator('[data-card-id]').first()).toBeVisible();
      await expect(shell(page)).toHaveAttribute('data-state', 'syncing');
      await page.screenshot({ path: `test-results/sync/${locale}-first-sync-cards.png` });

      await expect(shell(page)).toHaveAttribute('data-state', 'synced', { timeout: 60_000 });
      expect((await api(host, 'cards.search', { limit: 1 })).total).toBe(600);
    } finally {
      await host.stop();
      await cloud.close();
    }
  });
}

test('a generated code another till already gave out is reissued, visibly: the conflict shows the old and the new code, and the voucher has the new one', async ({ page }) => {
  const cloud = await startCloud({ port: 0 });
  const host = await startWebHost();
  try {
    const { apiKey } = await cloud.createShop('Café Tabriz');
    await api(host, 'settings.set', { shopName: 'Café Tabriz', timeZone: 'Asia/Tehran' });
    await api(host, 'sync.configure', { url: cloud.url, apiKey, enabled: false });
    // made here while offline…
    const [mine] = (await api(host, 'vouchers.issue', { title: 'Free tea', redeemCode: { kind: 'generated' }, validity: { kind: 'unlimited' } })).vouchers;
    // …while another till gave out the same code first
    expect(await anotherTill(cloud, apiKey, 'Till 2').issue('Free cake', mine!.redeemCode!, Date.now())).toBe('applied');
    await api(host, 'sync.configure', { enabled: true });
    await api(host, 'sync.now', {});

    await openSync(page, host);
    const item = page.locator('[data-testid="sync-conflict"][data-kind="codeReissued"]');
    await expect(item).toHaveCount(1);
    await expect(item.getByTestId('sync-conflict-label')).toHaveText('Free tea');
    await expect(item).toContainText(formatRedeemCode(mine!.redeemCode!));
    const newCode = (await item.getByTestId('sync-conflict-new-code').textContent())!;
    expect(newCode).not.toBe(formatRedeemCode(mine!.redeemCode!));
    await expect(item.getByTestId('sync-conflict-todo')).toContainText('give the customer the new code');
    // the voucher itself now has the new code
    const voucher = await api(host, 'vouchers.get', { id: mine!.id });
    expect(formatRedeemCode(voucher.redeemCode!)).toBe(newCode);
  } finally {
    await host.stop();
    await cloud.close();
  }
});
