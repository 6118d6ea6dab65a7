import crypto from 'node:crypto';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { test as base, expect } from '@playwright/test';
import { api } from '../support/api-client';
import { startWebHost, type RunningHost } from '../support/start-web-host';
import { zbarDecodePdf } from '../support/zbar';

/** A shop whose database holds an SVG an older Stampdesk stored unchecked: 50000mm square, which Skia cannot allocate. */
const test = base.extend<{ host: RunningHost; oldImageId: string }>({
  oldImageId: async ({}, use) => {
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="50000mm" height="50000mm"><rect width="10" height="10"/></svg>');
    await use(crypto.createHash('sha256').update(svg).digest('hex'));
  },
  host: async ({ oldImageId }, use) => {
    const first = await startWebHost(); // creates the shop's database
    await first.stop();
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="50000mm" height="50000mm"><rect width="10" height="10"/></svg>');
    const db = new Database(path.join(first.dataDir, 'stampdesk.db'));
    db.prepare('INSERT INTO images (id, mime, width, height, byte_size, bytes, created_at) VALUES (?, ?, 300, 150, ?, ?, ?)').run(oldImageId, 'image/svg+xml', svg.length, svg, Date.now());
    db.close();
    const host = await startWebHost({ dataDir: first.dataDir });
    await use(host);
    await host.stop();
  },
});

const children = (pid: number) => {
  try {
    return execFileSync('pgrep', ['-P', String(pid)]).toString().trim().split('\n').map(Number);
  } catch {
    return [];
  }
};

test('a picture stored by an older version fails its download with the reason; the app stays up and draws the next coupon', async ({ page, host, oldImageId }) => {
  const broken = (await api(host, 'vouchers.issue', { title: 'Poster from last year', redeemCode: { kind: 'generated' }, validity: { kind: 'unlimited' }, imageId: oldImageId })).vouchers[0]!;
  const plain = (await api(host, 'vouchers.issue', { title: 'Free coffee', redeemCode: { kind: 'generated' }, validity: { kind: 'unlimited' } })).vouchers[0]!;
  await page.goto(host.url);
  await page.getByRole('link', { name: 'Vouchers', exact: true }).click();

  await page.locator(`[data-voucher-id="${broken.id}"]`).click();
  let dialog = page.getByRole('dialog', { name: `Voucher #${broken.id}` });
  await dialog.getByRole('button', { name: 'Download PDF' }).click();
  await expect(dialog.getByRole('alert')).toContainText("The voucher's picture is 188,976 × 188,976 pixels, too large to draw");
  await dialog.getByRole('button', { name: 'Close' }).click();

  await page.locator(`[data-voucher-id="${plain.id}"]`).click();
  dialog = page.getByRole('dialog', { name: `Voucher #${plain.id}` });
  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Download PDF' }).click();
  const pdf = fs.readFileSync(await (await download).path());
  expect(zbarDecodePdf(pdf).flat()).toContain(plain.token);
  expect(fs.readFileSync(`/proc/${host.pid}/status`, 'utf8')).toMatch(/State:\s+[RS]/);
});

test('the browser host draws in a child process: Skia and sharp never load in the host, and a killed child is replaced', async ({ host }) => {
  const voucher = (await api(host, 'vouchers.issue', { title: 'Free coffee', redeemCode: { kind: 'generated' }, validity: { kind: 'unlimited' } })).vouchers[0]!;
  expect(children(host.pid)).toEqual([]); // nothing started with the app
  await api(host, 'vouchers.render', { id: voucher.id, format: 'png' });

  const hostLibraries = fs.readFileSync(`/proc/${host.pid}/maps`, 'utf8');
  expect(hostLibraries).not.toMatch(/skia|napi-rs|sharp|libvips/i);
  const [worker] = children(host.pid);
  expect(worker).toBeGreaterThan(0);
  expect(fs.readFileSync(`/proc/${worker}/maps`, 'utf8')).toMatch(/napi-rs/);
  expect(fs.readFileSync(`/proc/${worker}/limits`, 'utf8')).toMatch(/Max data size\s+1610612736\s+1610612736/);

  process.kill(worker!, 'SIGKILL');
  await expect.poll(() => children(host.pid).includes(worker!)).toBe(false);
  const again = await api(host, 'vouchers.render', { id: voucher.id, format: 'pdf' });
  expect(zbarDecodePdf(Buffer.from(again.base64, 'base64')).flat()).toContain(voucher.token);
  expect(children(host.pid)).toHaveLength(1);
});
