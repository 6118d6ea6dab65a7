import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { registerCouponFonts } from '../../electron/coupons/fonts';
import { printerProfile } from '../../electron/printing/profile';
import { drawReceipt } from '../../electron/printing/receipt/draw-receipt';
import { rasterToPng } from '../../electron/printing/receipt/raster-png';
import { systemPrintHtml } from '../../electron/printing/system/system-html';
import { zbarDecode } from '../support/zbar';

/** The title, and one written to leave the <title> element and the alt attribute it goes into. */
const HOSTILE_TITLES = ['<img src=x onerror=alert(1)>', `"'></title><img src=x onerror=alert(1)>`];

/** Two coupons whose title is markup, drawn as the receipt printer would get them. */
async function pages(title: string): Promise<Buffer[]> {
  registerCouponFonts(path.resolve('resources'));
  const profile = printerProfile(80, 576, 'esc-pos');
  return Promise.all(
    [1, 2].map((n) =>
      rasterToPng(
        drawReceipt(
          {
            shopName: 'Tabriz Coffee House',
            title,
            description: n === 2 ? 'A longer coupon: this line and the next make its page taller than the first one.' : null,
            redeemCode: `ABCD-EFGH-JK${n}`,
            codeLabel: 'Redeem code',
            qrPayload: `Vq3JX0aZ8mK2pL5nR7sT9uW1yB4cD${n}`,
            barcodePayload: `ABCD-EFGH-JK${n}`,
            validityText: 'Valid with no time limit',
            footer: `Voucher #${n}`,
            direction: 'ltr',
            mark: null,
          },
          null,
          profile,
        ),
      ),
    ),
  );
}

for (const [n, HOSTILE] of HOSTILE_TITLES.entries()) test(`the system printer page (title ${n + 1}): a title of markup stays text, only our own images load, the pages are the paper’s size`, async ({ page }) => {
  const pngs = await pages(HOSTILE);
  const html = systemPrintHtml(pngs, { paperWidth: 80, dots: 576, title: HOSTILE });
  const dialogs: string[] = [];
  const requests: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on('request', (request) => {
    if (!request.url().startsWith('data:')) requests.push(request.url());
  });
  await page.setContent(html, { waitUntil: 'load' });

  // the title is the title's characters, in the document title and each picture's alt text
  expect(await page.title()).toBe(HOSTILE);
  const images = page.locator('img');
  await expect(images).toHaveCount(2);
  for (const img of await images.all()) {
    expect(await img.getAttribute('alt')).toBe(HOSTILE);
    expect(await img.getAttribute('src')).toMatch(/^data:image\/png;base64,/);
  }
  // no element came out of the title, no script ran, nothing was fetched
  expect(await page.evaluate(() => [...document.querySelectorAll('img')].filter((i) => !i.src.startsWith('data:image/png')).length)).toBe(0);
  expect(await page.evaluate(() => document.querySelectorAll('script').length)).toBe(0);
  expect(dialogs).toEqual([]);
  expect(requests).toEqual([]);
  // the pictures decode under the page's CSP, one pixel per printer dot, shown 72 mm wide
  expect(await page.evaluate(() => [...document.querySelectorAll('img')].map((i) => i.complete && i.naturalWidth))).toEqual([576, 576]);

  // printed (Chromium's PDF is what a driver gets): one page per coupon, 80 mm wide, each as tall as its coupon
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stampdesk-system-page-'));
  try {
    const pdf = path.join(dir, 'page.pdf');
    fs.writeFileSync(pdf, await page.pdf({ preferCSSPageSize: true, printBackground: true }));
    const info = execFileSync('pdfinfo', ['-f', '1', '-l', '2', pdf], { encoding: 'utf8' });
    const sizes = [...info.matchAll(/Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/g)].map((m) => [Number(m[1]) / (72 / 25.4), Number(m[2]) / (72 / 25.4)]);
    expect(sizes).toHaveLength(2);
    expect(info).toMatch(/Pages:\s+2\n/);
    for (const [width] of sizes) expect(Math.abs(width! - 80)).toBeLessThan(0.5);
    expect(sizes[1]![1]!).toBeGreaterThan(sizes[0]![1]!);
    // and the codes on the printed pages decode
    execFileSync('pdftoppm', ['-r', '203', '-png', pdf, path.join(dir, 'printed')]);
    const printed = fs.readdirSync(dir).filter((f) => f.startsWith('printed')).sort();
    expect(printed).toHaveLength(2);
    expect(zbarDecode(path.join(dir, printed[0]!)).sort()).toEqual(['ABCD-EFGH-JK1', 'Vq3JX0aZ8mK2pL5nR7sT9uW1yB4cD1'].sort());
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
