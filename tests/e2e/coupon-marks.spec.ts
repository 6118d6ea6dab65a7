import fs from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import { execFileSync } from 'node:child_process';
import sharp from 'sharp';
import { api } from '../support/api-client';
import { zbarDecodePdf } from '../support/zbar';
import { expect, test } from './fixtures';

/** The plainly red pixels (a mark's ink) of a PDF's first page, rendered by pdftoppm. */
async function redPixels(pdf: Buffer): Promise<number> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stampdesk-marks-'));
  try {
    fs.writeFileSync(path.join(dir, 'f.pdf'), pdf);
    execFileSync('pdftoppm', ['-r', '100', '-png', '-singlefile', path.join(dir, 'f.pdf'), path.join(dir, 'f')]);
    const { data, info } = await sharp(path.join(dir, 'f.png')).removeAlpha().raw().toBuffer({ resolveWithObject: true });
    let red = 0;
    for (let i = 0; i < info.width * info.height * 3; i += 3) if (data[i]! > 150 && data[i + 1]! < 90 && data[i + 2]! < 90) red++;
    return red;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

test('a voucher voided in the Vouchers section downloads marked, with no code left to scan', async ({ page, host }) => {
  const voucher = (await api(host, 'vouchers.issue', { title: 'Free coffee', redeemCode: { kind: 'generated' }, validity: { kind: 'unlimited' } })).vouchers[0]!;
  await page.goto(host.url);
  await page.getByRole('link', { name: 'Vouchers', exact: true }).click();
  await page.locator(`[data-voucher-id="${voucher.id}"]`).click();
  const dialog = page.getByRole('dialog', { name: `Voucher #${voucher.id}` });
  const download = async () => {
    const file = page.waitForEvent('download');
    await dialog.getByRole('button', { name: 'Download PDF' }).click();
    return fs.readFileSync(await (await file).path());
  };

  const active = await download();
  expect(zbarDecodePdf(active, 200).flat()).toContain(voucher.token);
  expect(await redPixels(active)).toBe(0);

  await dialog.getByRole('button', { name: 'Void' }).click();
  await dialog.getByLabel('Reason for voiding (required)').fill('Handed out by mistake');
  await dialog.getByRole('button', { name: /Void voucher/ }).click();
  await expect(dialog.getByTestId('voucher-status')).toHaveText('Voided');

  const voided = await download();
  expect(zbarDecodePdf(voided, 200)).toEqual([[]]);
  expect(await redPixels(voided)).toBeGreaterThan(3_000);
});
