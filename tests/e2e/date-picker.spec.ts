import type { Locator, Page } from '@playwright/test';
import type { Locale } from '../../shared/domain/locales';
import { expiryOf, localDate } from '../../shared/domain/validity';
import { addDays, addMonths, addYears, endOfWeek, formatDateInput, fromIso, monthHeading, startOfWeek } from '../../shared/i18n/calendars';
import { formatIsoDate } from '../../shared/i18n/format';
import { api } from '../support/api-client';
import type { RunningHost } from '../support/start-web-host';
import { expect, test } from './fixtures';

/*
 * The FIXED DATE field in the locale's calendar. Locators avoid catalogue texts (they differ per language):
 * the picker is found by its structure and roles, days by their full date from Intl.
 */

async function openIssueVoucher(page: Page, host: RunningHost, locale: Locale, timeZone: string): Promise<Locator> {
  await api(host, 'settings.set', { locale, timeZone });
  await page.goto('about:blank'); // a fresh load, so the new settings are read
  await page.goto(host.url);
  await expect(page.locator('html')).toHaveAttribute('lang', locale);
  await page.evaluate(() => (window.location.hash = '#/issue-voucher'));
  await page.locator('form').getByRole('textbox').first().fill('Date picker test'); // the voucher title
  await page.locator('label.segmented__option', { has: page.locator('input[name="validity"]') }).nth(3).click(); // FIXED DATE
  const picker = page.locator('form .date-picker');
  await expect(picker).toBeVisible();
  return picker;
}

/** The day that has the keyboard focus in the open grid. */
async function focusedDay(page: Page): Promise<string | null> {
  return page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.iso ?? null);
}

async function issueAndReadExpiry(page: Page, host: RunningHost): Promise<number | null> {
  await page.locator('form button[type="submit"]').click();
  await expect.poll(async () => (await api(host, 'vouchers.list', {})).total).toBe(1);
  return (await api(host, 'vouchers.list', {})).items[0]!.expiresAt;
}

test('th: a Buddhist-era day picked from the month grid by keyboard is stored as its ISO day', async ({ page, host }) => {
  const zone = 'Asia/Bangkok';
  const picker = await openIssueVoucher(page, host, 'th', zone);
  const today = localDate(Date.now(), zone);
  await picker.getByRole('button').click();
  const dialog = page.getByRole('dialog');
  const grid = dialog.getByRole('grid');
  await expect(grid).toBeVisible();
  const now = fromIso(today, 'th')!;
  await expect(dialog.getByRole('heading')).toHaveText(monthHeading(now.year, now.month, 'th')); // e.g. พฤศจิกายน 2569
  expect(now.year).toBe(Number(today.slice(0, 4)) + 543);
  await expect(grid.locator('[aria-current="date"]')).toHaveAttribute('aria-label', formatIsoDate(today, 'th'));
  expect(await focusedDay(page)).toBe(today);
  // days before today (the shop's today: min) are disabled and the focus does not go there
  await page.keyboard.press('ArrowLeft');
  expect(await focusedDay(page)).toBe(today);

  await page.keyboard.press('PageDown'); // a month on
  await page.keyboard.press('ArrowDown'); // a week on
  await page.keyboard.press('ArrowRight'); // a day on
  const chosen = addDays(addDays(addMonths(today, 1, 'th'), 7), 1);
  expect(await focusedDay(page)).toBe(chosen);
  const c = fromIso(chosen, 'th')!;
  await expect(dialog.getByRole('heading')).toHaveText(monthHeading(c.year, c.month, 'th'));
  await page.keyboard.press('Enter');
  await expect(dialog).toHaveCount(0);
  await expect(picker.getByRole('button')).toBeFocused();
  await expect(picker.locator('input')).toHaveValue(formatDateInput(chosen, 'th')); // d/m/2569-style
  expect(await picker.locator('input').inputValue()).toMatch(new RegExp(`/${c.year}$`));
  await expect(page.getByTestId('expiry-preview')).toContainText(String(c.year));

  expect(await issueAndReadExpiry(page, host)).toBe(expiryOf({ kind: 'fixed', date: chosen }, 0, zone));
});

test('th: a typed Buddhist-era day (any digit script) is read in the Buddhist calendar', async ({ page, host }) => {
  const zone = 'Asia/Bangkok';
  const picker = await openIssueVoucher(page, host, 'th', zone);
  const chosen = addDays(localDate(Date.now(), zone), 40);
  const c = fromIso(chosen, 'th')!;
  const input = picker.locator('input');
  await input.fill(`${c.day}/${c.month}/${c.year}`.replace(/[0-9]/g, (d) => String.fromCodePoint(0x0e50 + Number(d)))); // Thai digits
  await input.press('Tab');
  await expect(input).toHaveValue(formatDateInput(chosen, 'th'));
  await expect(input).not.toHaveAttribute('aria-invalid', 'true');
  expect(await issueAndReadExpiry(page, host)).toBe(expiryOf({ kind: 'fixed', date: chosen }, 0, zone));
});

test('azb: ۱۴۰۵/۰۳/۲۱ typed in Persian digits is 2026-06-11; a future Solar Hijri day is issued as its ISO day', async ({ page, host }) => {
  const zone = 'Asia/Tehran';
  const picker = await openIssueVoucher(page, host, 'azb', zone);
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  const input = picker.locator('input');
  await input.fill('۱۴۰۵/۰۳/۲۱');
  // the expiry preview is computed from the stored ISO day: the end of 2026-06-11 in the shop's zone
  await expect(page.getByTestId('expiry-preview')).toContainText('۲۱ خرداد ۱۴۰۵');
  await input.press('Tab');
  await expect(input).toHaveValue('۱۴۰۵/۰۳/۲۱');
  if ('2026-06-11' < localDate(Date.now(), zone)) {
    // a day before min is passed on (the server says why it is refused) and marked, as a native date input does
    await expect(input).toHaveAttribute('aria-invalid', 'true');
    await expect(picker.getByRole('alert')).toHaveCount(0);
  }

  // text that is no day: aria-invalid once the field is left, with an example in the locale's form
  await input.fill('۱۴۰۵/۱۲/۳۰'); // 1405 is no leap year: Esfand has 29 days
  await input.press('Tab');
  await expect(input).toHaveAttribute('aria-invalid', 'true');
  await expect(picker.getByRole('alert')).toContainText(formatDateInput(localDate(Date.now(), zone), 'azb'));
  await expect(page.locator('form button[type="submit"]')).toBeDisabled();

  // ASCII and Arabic-Indic digits are read too; the field then shows Persian digits
  const chosen = addDays(localDate(Date.now(), zone), 20);
  const j = fromIso(chosen, 'azb')!;
  await input.fill(`${j.year}/${j.month}/${j.day}`);
  await expect(input).toHaveValue(`${j.year}/${j.month}/${j.day}`.replace(/[0-9]/g, (d) => String.fromCodePoint(0x06f0 + Number(d)))); // shown in Persian digits as typed
  await input.press('Tab');
  await expect(input).toHaveValue(formatDateInput(chosen, 'azb'));
  await expect(input).not.toHaveAttribute('aria-invalid', 'true');
  await input.fill(`${j.year}-${j.month}-${j.day}`.replace(/[0-9]/g, (d) => String.fromCodePoint(0x0660 + Number(d))));
  await input.press('Tab');
  await expect(input).toHaveValue(formatDateInput(chosen, 'azb'));
  expect(await issueAndReadExpiry(page, host)).toBe(expiryOf({ kind: 'fixed', date: chosen }, 0, zone));
});

test('azb: the month grid is mirrored and its arrows follow right-to-left; Escape returns the focus', async ({ page, host }) => {
  const zone = 'Asia/Tehran';
  const picker = await openIssueVoucher(page, host, 'azb', zone);
  const today = localDate(Date.now(), zone);
  const start = addDays(today, 10);
  await picker.locator('input').fill(formatDateInput(start, 'azb'));
  await picker.getByRole('button').press('Enter');
  const dialog = page.getByRole('dialog');
  const grid = dialog.getByRole('grid');
  await expect(grid).toBeVisible();
  expect(await focusedDay(page)).toBe(start);
  await expect(grid.locator(`[data-iso="${start}"]`)).toHaveText(String(fromIso(start, 'azb')!.day).replace(/[0-9]/g, (d) => String.fromCodePoint(0x06f0 + Number(d))));

  // the week starts on Saturday, in the rightmost column; "previous" sits on the right
  const headers = grid.getByRole('columnheader');
  await expect(headers.first()).toHaveText('ش');
  const first = (await headers.first().boundingBox())!;
  const last = (await headers.last().boundingBox())!;
  expect(first.x).toBeGreaterThan(last.x);
  const navButtons = dialog.locator('.date-picker__header button');
  const previousMonth = (await navButtons.nth(1).boundingBox())!;
  const nextMonth = (await navButtons.nth(2).boundingBox())!;
  expect(previousMonth.x).toBeGreaterThan(nextMonth.x);

  // Left is the next day, Right the previous one; Up/Down a week; Home/End the week's Saturday/Friday
  await page.keyboard.press('ArrowLeft');
  expect(await focusedDay(page)).toBe(addDays(start, 1));
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  expect(await focusedDay(page)).toBe(addDays(start, -1));
  await page.keyboard.press('ArrowDown');
  expect(await focusedDay(page)).toBe(addDays(start, 6));
  await page.keyboard.press('Home');
  const saturday = startOfWeek(addDays(start, 6), 'azb');
  expect(await focusedDay(page)).toBe(saturday);
  expect(new Date(`${saturday}T12:00:00Z`).getUTCDay()).toBe(6);
  await page.keyboard.press('End');
  expect(await focusedDay(page)).toBe(endOfWeek(saturday, 'azb'));
  const friday = endOfWeek(saturday, 'azb');

  // PageDown a Solar Hijri month, Shift+PageDown a year; the heading follows in Persian digits
  await page.keyboard.press('PageDown');
  const nextMonthDay = addMonths(friday, 1, 'azb');
  expect(await focusedDay(page)).toBe(nextMonthDay);
  const m = fromIso(nextMonthDay, 'azb')!;
  await expect(dialog.getByRole('heading')).toHaveText(monthHeading(m.year, m.month, 'azb'));
  await page.keyboard.press('Shift+PageDown');
  expect(await focusedDay(page)).toBe(addYears(nextMonthDay, 1, 'azb'));
  await page.keyboard.press('Shift+PageUp');
  await page.keyboard.press('PageUp');
  expect(await focusedDay(page)).toBe(addMonths(nextMonthDay, -1, 'azb'));

  // Escape closes without choosing and gives the focus back to the button
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(picker.getByRole('button')).toBeFocused();
  await expect(picker.locator('input')).toHaveValue(formatDateInput(start, 'azb'));

  // Space picks
  await picker.getByRole('button').press('Enter');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press(' ');
  await expect(dialog).toHaveCount(0);
  await expect(picker.locator('input')).toHaveValue(formatDateInput(addDays(start, 1), 'azb'));
});

test('screenshots of the open picker in th and azb', async ({ page, host }) => {
  for (const [locale, zone] of [
    ['th', 'Asia/Bangkok'],
    ['azb', 'Asia/Tehran'],
  ] as const) {
    const picker = await openIssueVoucher(page, host, locale, zone);
    await picker.locator('input').fill(formatDateInput(addDays(localDate(Date.now(), zone), 3), locale));
    await picker.getByRole('button').click();
    await expect(page.getByRole('grid')).toBeVisible();
    await page.screenshot({ path: `test-results/date-picker-${locale}.png` });
    await page.keyboard.press('Escape');
  }
});

test('th: the Vouchers issued from/to filters take a day from the grid and a typed Buddhist-era day', async ({ page, host }) => {
  const zone = 'Asia/Bangkok';
  await api(host, 'vouchers.issue', { title: 'Gift', redeemCode: { kind: 'generated' }, validity: { kind: 'unlimited' } });
  await api(host, 'settings.set', { locale: 'th', timeZone: zone });
  await page.goto(host.url);
  await page.evaluate(() => (window.location.hash = '#/vouchers'));
  await expect(page.locator('[data-voucher-id]')).toHaveCount(1);
  const today = localDate(Date.now(), zone);
  const from = page.getByTestId('voucher-filters').locator('.date-picker').nth(0);
  const to = page.getByTestId('voucher-filters').locator('.date-picker').nth(1);
  await from.getByRole('button').click();
  expect(await focusedDay(page)).toBe(today); // no min here: the grid opens on today
  await page.keyboard.press('Enter');
  await expect(from.locator('input')).toHaveValue(formatDateInput(today, 'th'));
  await expect(page.locator('[data-voucher-id]')).toHaveCount(1);
  await to.locator('input').fill(formatDateInput(addDays(today, -1), 'th'));
  await expect(page.locator('[data-voucher-id]')).toHaveCount(0);
  await to.locator('input').fill('');
  await expect(page.locator('[data-voucher-id]')).toHaveCount(1);
});

test('azb: in the cards filter panel, Escape closes the grid but not the panel; a typed Persian day stays', async ({ page, host }) => {
  // a shop with a name opens on its card list (an empty one with none opens on the welcome)
  await api(host, 'settings.set', { locale: 'azb', timeZone: 'Asia/Tehran', shopName: 'Tabriz Café' });
  await page.goto(host.url);
  await page.evaluate(() => (window.location.hash = '#/cards'));
  await page.locator('button[aria-expanded]').first().click(); // the filter button
  const panel = page.locator('.filter-panel');
  const createdFrom = panel.locator('.date-picker').first();
  await createdFrom.locator('input').fill('۱۴۰۵/۰۳/۲۱');
  await createdFrom.getByRole('button').click();
  await expect(page.getByRole('grid').locator('[aria-selected="true"]')).toHaveAttribute('data-iso', '2026-06-11');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('grid')).toHaveCount(0);
  await expect(panel).toBeVisible();
  await expect(createdFrom.locator('input')).toHaveValue('۱۴۰۵/۰۳/۲۱');
});
