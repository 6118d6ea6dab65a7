import type { Page } from '@playwright/test';
import type { Locale } from '../../shared/domain/locales';
import type { PrintJob } from '../../shared/schemas/printing';
import { api } from '../support/api-client';
import type { RunningHost } from '../support/start-web-host';
import { startVirtualPrinter, type VirtualPrinter } from '../support/virtual-printer';
import { expect, test as base } from './fixtures';

/** Each printing test gets a browser host with a named shop, and a virtual receipt printer on 127.0.0.1. */
export const test = base.extend<{ printer: VirtualPrinter }>({
  printer: async ({ host }, use) => {
    await api(host, 'settings.set', { shopName: 'Printing Café', timeZone: 'Asia/Bangkok' });
    const printer = await startVirtualPrinter({ port: 0 });
    await use(printer);
    await printer.close();
  },
});
export { expect };

/** Adds the virtual printer through the API (the UI's own dialog is covered by its own test). */
export async function addVirtualPrinter(host: RunningHost, printer: VirtualPrinter): Promise<number> {
  const added = await api(host, 'printers.add', { kind: 'network', name: 'Virtual', host: printer.host, port: printer.port, paperWidth: 80, language: 'esc-pos' });
  return added.id;
}

export async function issueVoucher(host: RunningHost, title: string): Promise<{ id: number; token: string; redeemCode: string | null }> {
  const issued = await api(host, 'vouchers.issue', { title, redeemCode: { kind: 'generated' }, validity: { kind: 'days', days: 30 } });
  return issued.vouchers[0]!;
}

/** Opens a voucher's details in the Vouchers section in the given language and its print dialog. */
export async function openPrintDialog(page: Page, host: RunningHost, voucherId: number, locale: Locale = 'en'): Promise<void> {
  await api(host, 'settings.set', { locale });
  // a fresh load reads the new language (the same address again would only change the fragment)
  await page.goto('about:blank');
  await page.goto(host.url);
  await expect(page.locator('html')).toHaveAttribute('lang', locale);
  await page.evaluate(() => (window.location.hash = '#/vouchers'));
  await page.locator(`[data-voucher-id="${voucherId}"]`).first().click();
  await expect(page.getByTestId('voucher-qr')).toBeVisible();
  await page.locator('dialog[open]').getByTestId('print-button').click();
  await expect(page.getByTestId('print-dialog')).toBeVisible();
}

export async function jobOf(host: RunningHost, jobId: number): Promise<PrintJob> {
  return (await api(host, 'print.jobs', {})).find((j) => j.id === jobId)!;
}
