import type { Locale } from '../../shared/domain/locales';
import { api } from '../support/api-client';
import { sticksOut } from '../support/layout-checks';
import { checkScreen, englishOnlyTexts } from '../support/screen-check';
import { expect, test } from './cards-fixture';

for (const locale of ['en', 'azb', 'th', 'gu', 'ko'] as const satisfies readonly Locale[]) {
  test(`opening DETAILED CARD keeps the list’s toolbar on one line, beside the panel (${locale})`, async ({ page, host }) => {
    await api(host, 'settings.set', { locale });
    for (const [width, height] of [[1280, 800], [1366, 768]] as const) {
      await page.setViewportSize({ width, height });
      await page.goto('about:blank');
      await page.goto(host.url);
      await page.locator('[data-card-id="113773"]').click();
      await expect(page.getByTestId('panel-heading')).toBeVisible();
      const toolbar = page.locator('.cards-page__main .toolbar');
      const tops = await toolbar.evaluate((bar) => Array.from(bar.children).map((child) => Math.round(child.getBoundingClientRect().top + child.getBoundingClientRect().height / 2)));
      expect(new Set(tops).size, `one line at ${width}×${height}: ${tops.join(', ')}`).toBe(1);
      expect(await sticksOut(page, '.cards-page__main')).toEqual([]);
      // nothing of the toolbar hides under the panel
      const panel = await page.locator('.card-panel').boundingBox();
      for (const box of await toolbar.locator('> *').evaluateAll((els) => els.map((el) => el.getBoundingClientRect().toJSON() as DOMRect))) {
        expect(box.right <= panel!.x + 1 || box.left >= panel!.x + panel!.width - 1, `${box.left}–${box.right} vs panel ${panel!.x}`).toBe(true);
      }
      expect(await checkScreen(page, locale, `card-panel-toolbar-${width}`, englishOnlyTexts(locale))).toEqual([]);
    }
  });
}
