import { api } from '../support/api-client';
import { addVirtualPrinter, expect, issueVoucher, jobOf, openPrintDialog, test } from './printing-fixture';

test.describe.configure({ timeout: 120_000 });

test('a job for a printer out of paper waits with the reason in words, and prints once paper is loaded', async ({ page, host, printer }) => {
  await addVirtualPrinter(host, printer);
  printer.setPaper('out');
  const voucher = await issueVoucher(host, 'Free tea');
  await openPrintDialog(page, host, voucher.id);
  await page.getByTestId('print-submit').click();
  const status = page.getByTestId('print-progress').getByTestId('job-status');
  await expect(status).toHaveAttribute('data-status', 'waiting', { timeout: 30_000 });
  await expect(status).toContainText('Waiting');
  await expect(status.getByTestId('job-reason')).toContainText(/out of paper/i);
  // the jobs list says the same, and offers to cancel
  await page.getByTestId('print-open-jobs').click();
  const row = page.getByTestId('job-row').first();
  await expect(row.getByTestId('job-status')).toHaveAttribute('data-status', 'waiting');
  await expect(row.getByTestId('job-reason')).toContainText(/out of paper/i);
  expect(printer.jobs).toHaveLength(0);
  printer.setPaper('ok');
  await expect(row.getByTestId('job-status')).toHaveAttribute('data-status', 'done', { timeout: 30_000 });
  await printer.waitForJobs(1);
});

test('cancelling a job asks first; a job cut off mid-send offers Reprint or It printed', async ({ page, host, printer }) => {
  await addVirtualPrinter(host, printer);
  printer.setPaper('out');
  const waiting = await issueVoucher(host, 'Free scone');
  const queued = await api(host, 'print.voucher', { voucherId: waiting.id });
  await page.goto(host.url);
  await page.evaluate(() => (window.location.hash = '#/printers?tab=jobs'));
  const row = page.locator(`[data-job-id="${queued.jobId}"]`);
  await expect(row.getByTestId('job-status')).toHaveAttribute('data-status', 'waiting', { timeout: 30_000 });
  await row.getByTestId('job-cancel').click();
  await expect(page.locator('dialog[open]')).toContainText('Cancel this print job?');
  await page.keyboard.press('Escape');
  await expect(page.locator('dialog[open]')).toHaveCount(0);
  expect((await jobOf(host, queued.jobId)).status).toBe('waiting');
  await row.getByTestId('job-cancel').click();
  await page.getByTestId('confirm-cancel-job').click();
  await expect(row.getByTestId('job-status')).toHaveAttribute('data-status', 'cancelled');
  await expect(row.getByTestId('job-retry')).toBeVisible();

  // the connection drops halfway through the coupon: it may have printed, and only a person decides
  printer.setPaper('ok');
  await printer.setFault('drop');
  const cut = await issueVoucher(host, 'Free muffin');
  const sent = await api(host, 'print.voucher', { voucherId: cut.id });
  // the open list keeps looking now and then after every job settled, so a job started elsewhere shows up in it
  const cutRow = page.locator(`[data-job-id="${sent.jobId}"]`);
  await expect(cutRow.getByTestId('job-status')).toHaveAttribute('data-status', 'uncertain', { timeout: 30_000 });
  await expect(cutRow.getByTestId('job-status')).toContainText('May have printed — check the paper');
  await expect(cutRow.getByTestId('job-reprint')).toBeVisible();
  await cutRow.getByTestId('job-markDone').click();
  await expect(cutRow.getByTestId('job-status')).toHaveAttribute('data-status', 'done');
  await expect(cutRow.getByTestId('job-reprint')).toHaveCount(0);
});

test('a batch prints a range from the batch row, with its progress', async ({ page, host, printer }) => {
  await addVirtualPrinter(host, printer);
  const batch = await api(host, 'vouchers.issue', { title: 'Opening party', redeemCode: { kind: 'generated' }, validity: { kind: 'unlimited' }, quantity: 5 });
  await page.goto(host.url);
  await page.evaluate(() => (window.location.hash = '#/vouchers'));
  await page.locator(`[data-batch-id="${batch.batchId}"]`).getByTestId('print-button').click();
  const dialog = page.getByTestId('print-dialog');
  await expect(dialog.getByTestId('print-preview')).toHaveCount(0); // a preview is for a single voucher
  await dialog.getByTestId('print-range').check();
  await dialog.getByTestId('print-from').fill('2');
  await dialog.getByTestId('print-to').fill('3');
  await page.getByTestId('print-submit').click();
  const status = page.getByTestId('print-progress').getByTestId('job-status');
  await expect(status).toHaveAttribute('data-status', 'done', { timeout: 30_000 });
  await expect(status.getByTestId('job-progress')).toHaveText('2 of 2 printed');
  expect(await printer.waitForJobs(1)).toHaveLength(1);
});

test('the browser host prints a system printer job through the browser dialog on a page the paper wide', async ({ page, host }) => {
  await api(host, 'settings.set', { shopName: 'Printing Café' });
  await api(host, 'printers.add', { kind: 'system', name: 'USB receipt printer', paperWidth: 58 });
  const voucher = await issueVoucher(host, '<img src=x onerror=alert(1)>');
  await openPrintDialog(page, host, voucher.id);
  // the OS print dialog is the one thing out of reach: the frame's print() is replaced by a recorder
  await page.evaluate(() => {
    const w = window as unknown as { printed: unknown[] };
    w.printed = [];
    new MutationObserver((mutations) => {
      for (const node of mutations.flatMap((m) => [...m.addedNodes])) {
        if (!(node instanceof HTMLIFrameElement)) continue;
        const view = node.contentWindow!;
        view.print = () => {
          const doc = node.contentDocument!;
          w.printed.push({
            sandbox: node.getAttribute('sandbox'),
            rules: doc.adoptedStyleSheets.flatMap((sheet) => [...sheet.cssRules].map((rule) => rule.cssText)),
            images: [...doc.images].map((img) => ({ src: img.src.slice(0, 22), width: img.style.width, loaded: img.naturalWidth })),
            scripts: doc.scripts.length,
            html: doc.body.innerHTML.includes('onerror'),
          });
        };
      }
    }).observe(document.body, { childList: true });
  });
  await page.getByTestId('print-submit').click();
  await expect(page.getByTestId('print-progress').getByTestId('job-status')).toHaveAttribute('data-status', 'done', { timeout: 30_000 });
  const printed = await page.evaluate(() => (window as unknown as { printed: unknown[] }).printed);
  expect(printed).toHaveLength(1);
  const [one] = printed as Array<{ sandbox: string; rules: string[]; images: Array<{ src: string; width: string; loaded: number }>; scripts: number; html: boolean }>;
  expect(one.sandbox).not.toContain('allow-scripts');
  expect(one.rules.join(' ')).toMatch(/@page \{ size: 58mm \d+mm; margin: 0px; \}/);
  // 384 dots print 48 mm wide, centred on the 58 mm page
  expect(one.images).toEqual([{ src: 'data:image/png;base64,', width: '48.05mm', loaded: 384 }]);
  expect(one.scripts).toBe(0);
  expect(one.html).toBe(false); // the title reached the page as pixels, not as markup
  await expect(page.locator('iframe')).toHaveCount(0);
});
