import type { CDPSession, Page } from '@playwright/test';
import { expect, test } from './fixtures';

/** One sample per shipped family; each is shown in regular and bold, and must be drawn from that family's file. */
const SAMPLES = [
  { id: 'latin', text: 'Free coffee for Café Sukhumvit', family: 'Stampdesk Noto Sans', file: 'NotoSans', postScript: 'NotoSans' },
  { id: 'thai', text: 'กาแฟฟรีหนึ่งแก้ว', family: 'Stampdesk Noto Sans Thai', file: 'NotoSansThai', postScript: 'NotoSansThai' },
  { id: 'korean', text: '무료커피한잔', family: 'Stampdesk Noto Sans Hangul', file: 'NotoSansCJKkr-Hangul', postScript: 'StampdeskNotoSansHangul' },
  { id: 'azb', text: 'قهوه‌ی پولسوز ۱۴۰۵', family: 'Stampdesk Noto Sans Arabic', file: 'NotoSansArabic', postScript: 'NotoSansArabic', rtl: true },
  { id: 'gujarati', text: 'મફત કૉફી', family: 'Stampdesk Noto Sans Gujarati', file: 'NotoSansGujarati', postScript: 'NotoSansGujarati' },
  { id: 'mono', text: 'ABCD-EFGH-007', family: 'Stampdesk Noto Sans Mono', file: 'NotoSansMono', postScript: 'NotoSansMono', mono: true },
] as const;
const WEIGHTS = [
  { css: 400, name: 'Regular' },
  { css: 700, name: 'Bold' },
] as const;

type Sample = (typeof SAMPLES)[number];

/** Each bundled face as the page sees it: family, weight and load status. */
function faceStatuses(page: Page): Promise<{ family: string; weight: string; status: string }[]> {
  return page.evaluate(() =>
    [...document.fonts].map((f) => ({ family: f.family.replace(/^["']|["']$/g, ''), weight: f.weight, status: f.status })),
  );
}

/** The fonts Chromium actually drew a node's text with (DevTools protocol: CSS.getPlatformFontsForNode). */
async function platformFonts(cdp: CDPSession, selector: string) {
  const { root } = await cdp.send('DOM.getDocument', { depth: 0 });
  const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector });
  const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
  return fonts;
}

test('the UI draws Latin, Thai, Korean, Arabic script, Gujarati and codes with the bundled fonts, not the system fonts', async ({ page, host }) => {
  const fontResponses: { file: string; status: number; type: string | undefined }[] = [];
  page.on('response', (response) => {
    if (response.url().endsWith('.woff2')) {
      fontResponses.push({ file: response.url().split('/').pop()!, status: response.status(), type: response.headers()['content-type'] });
    }
  });
  const cspViolations: string[] = [];
  page.on('console', (message) => {
    if (/Content.Security.Policy/i.test(message.text())) cspViolations.push(message.text());
  });

  await page.goto(host.url);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.evaluate(() => document.fonts.ready);

  // every bundled face is declared; the Hangul subset (0.9 MB a weight) waits until a page shows Hangul
  const declared = await faceStatuses(page);
  for (const sample of SAMPLES) {
    expect(declared.filter((f) => f.family === sample.family).map((f) => f.weight).sort(), sample.family).toEqual(['400', '700']);
  }
  const pageHasHangul = await page.evaluate(() => /[\u3131-\u318e\uac00-\ud7a3]/.test(document.body.innerText));
  if (!pageHasHangul) {
    expect(declared.filter((f) => f.family === 'Stampdesk Noto Sans Hangul').map((f) => f.status)).toEqual(['unloaded', 'unloaded']);
  }

  // show every sample in both weights (no new UI: test-only nodes, styled through the CSSOM, which the CSP allows)
  await page.evaluate(
    ({ samples, weights }) => {
      const box = document.createElement('div');
      box.id = 'font-samples';
      for (const sample of samples) {
        for (const weight of weights) {
          const p = document.createElement('p');
          p.id = `${sample.id}-${weight.css}`;
          p.textContent = sample.text;
          p.style.fontWeight = String(weight.css);
          p.style.fontSize = '20px';
          if ('mono' in sample) p.style.fontFamily = 'var(--font-mono)';
          if ('rtl' in sample) p.dir = 'rtl';
          box.append(p);
        }
      }
      document.body.append(box);
    },
    { samples: SAMPLES, weights: WEIGHTS },
  );
  await expect
    .poll(async () => (await faceStatuses(page)).filter((f) => f.status !== 'loaded').map((f) => `${f.family} ${f.weight}: ${f.status}`))
    .toEqual([]);

  // each sample was drawn with its bundled file (a web font), nothing from a system font
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('DOM.enable');
  await cdp.send('CSS.enable');
  for (const sample of SAMPLES as readonly Sample[]) {
    for (const weight of WEIGHTS) {
      const fonts = await platformFonts(cdp, `#${sample.id}-${weight.css}`);
      const where = `${sample.id} ${weight.css}: ${JSON.stringify(fonts)}`;
      expect(fonts.length, where).toBeGreaterThan(0);
      expect(fonts.every((f) => f.isCustomFont), where).toBe(true);
      const main = [...fonts].sort((a, b) => b.glyphCount - a.glyphCount)[0]!;
      expect(main.postScriptName, where).toBe(`${sample.postScript}-${weight.name}`);
    }
  }

  // both weights of every file came from the app itself, as fonts, and the CSP let them through
  for (const sample of SAMPLES) {
    for (const weight of WEIGHTS) {
      const prefix = `${sample.file}-${weight.name}-`;
      const served = fontResponses.filter((r) => r.file.startsWith(prefix));
      expect(served.length, prefix).toBeGreaterThan(0);
      expect(served.every((r) => r.status === 200 && r.type === 'font/woff2'), JSON.stringify(served)).toBe(true);
    }
  }
  expect(fontResponses.every((r) => r.file.startsWith('NotoSans'))).toBe(true);
  expect(cspViolations).toEqual([]);
  await cdp.detach();
});
