/// <reference lib="dom" />
import type { Page } from '@playwright/test';

/**
 * Table cells whose text runs onto a second line: the text of each visible cell under `rows` is measured line
 * box by line box (a Range over each text node), and a cell whose text sits on more than one line is named.
 */
export async function wrappedCells(page: Page, rows: string): Promise<string[]> {
  return page.evaluate((selector) => {
    const found: string[] = [];
    for (const row of Array.from(document.querySelectorAll(selector))) {
      for (const cell of Array.from(row.children)) {
        const tops: number[] = [];
        const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          if (!(node.textContent ?? '').trim()) continue;
          const range = document.createRange();
          range.selectNodeContents(node);
          for (const rect of Array.from(range.getClientRects())) if (rect.width > 0) tops.push(rect.top);
        }
        const lineHeight = parseFloat(getComputedStyle(cell).fontSize) || 15;
        const lines = tops.sort((a, b) => a - b).filter((top, i, all) => i === 0 || top - all[i - 1]! > lineHeight * 0.6).length;
        if (lines > 1) found.push(`${(row as HTMLElement).dataset.voucherId ?? (row as HTMLElement).dataset.batchId ?? '?'}: "${(cell.textContent ?? '').trim().slice(0, 60)}" on ${lines} lines`);
      }
    }
    return found;
  }, rows);
}

/** Controls inside `container` that stick out of it, or of the window, sideways; and a page that scrolls sideways. */
export async function sticksOut(page: Page, container: string): Promise<string[]> {
  return page.evaluate((selector) => {
    const found: string[] = [];
    const box = document.querySelector(selector)!.getBoundingClientRect();
    for (const el of Array.from(document.querySelector(selector)!.querySelectorAll('input, select, button, label'))) {
      const r = el.getBoundingClientRect();
      if (r.width === 0) continue;
      if (r.left < Math.max(box.left, 0) - 1 || r.right > Math.min(box.right, window.innerWidth) + 1) {
        found.push(`${el.tagName.toLowerCase()} "${(el.textContent || (el as HTMLInputElement).placeholder || '').trim().slice(0, 40)}" at ${Math.round(r.left)}–${Math.round(r.right)}`);
      }
    }
    if (document.documentElement.scrollWidth > window.innerWidth + 1) found.push(`the page scrolls sideways (${document.documentElement.scrollWidth} > ${window.innerWidth})`);
    return found;
  }, container);
}
