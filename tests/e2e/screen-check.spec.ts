import { expect, test } from '@playwright/test';
import { inspectScreen } from '../support/screen-check';

/** The every-screen check must be able to fail: text that does not fit, and English left on screen. */
test('the screen check reports clipped labels, overflowing text, English left over and invisible direction marks', async ({ page }) => {
  await page.setContent(`<!doctype html><html lang="th" dir="ltr"><body>
    <button style="width:60px;white-space:nowrap;overflow:hidden">ส่งออกไฟล์ทั้งหมดตอนนี้</button>
    <label style="display:block;width:40px;white-space:nowrap">การตั้งค่าภาษา</label>
    <h2 style="width:300px">พอดี</h2>
    <button style="width:50px">사용 처리</button>
    <p>Save changes</p>
    <input placeholder="Search…">
    <span>\u200f+98 912 345 6789</span>
  </body></html>`);
  const found = await inspectScreen(page, new Set(['Save changes', 'Search…']));
  expect(found.lang).toBe('th');
  expect(found.dir).toBe('ltr');
  expect(found.overflowing.map((o) => o.split(' ')[0])).toEqual(['button', 'label', 'button']);
  expect(found.overflowing[2]).toMatch(/wraps onto 2 lines/);
  expect(found.english.sort()).toEqual(['Save changes', 'placeholder=Search…']);
  expect(found.marks).toBe(true);
});
