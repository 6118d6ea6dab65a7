/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { isRightToLeft, type Locale } from '../../shared/domain/locales';
import { leaves, readCatalogue } from './catalogue-files';

export interface ScreenProblems {
  lang: string | null;
  dir: string | null;
  /** Labelled elements whose text does not fit their box. */
  overflowing: string[];
  /** Visible texts equal to an English text that this language translates. */
  english: string[];
  /** Invisible direction marks in the visible text (a copy would carry them). */
  marks: boolean;
}

/** English texts that the locale translates (not the names and labels that stay English). */
export function englishOnlyTexts(locale: Locale): Set<string> {
  if (locale === 'en') return new Set();
  const en = leaves(readCatalogue('en'));
  const ours = leaves(readCatalogue(locale));
  const translated = new Set<string>();
  for (const [key, text] of en) {
    const mine = ours.get(key) ?? ours.get(key.replace(/_one$/, '_other'));
    if (mine !== undefined && mine !== text && !text.includes('{{') && /\p{L}{2}/u.test(text)) translated.add(text.trim());
  }
  return translated;
}

/**
 * Looks at the screen as it is: the document's lang and dir, every labelled element whose text is wider
 * (or, when it hides overflow, taller) than its box, and visible text that is still English.
 */
export async function inspectScreen(page: Page, englishTexts: Set<string>): Promise<ScreenProblems> {
  return page.evaluate((english) => {
    const englishSet = new Set(english);
    const visible = (el: Element) => {
      const box = el.getBoundingClientRect();
      const style = getComputedStyle(el);
      return box.width > 0 && box.height > 0 && style.visibility !== 'hidden' && style.display !== 'none';
    };
    const describe = (el: Element) => `${el.tagName.toLowerCase()}${el.className && typeof el.className === 'string' ? `.${el.className.split(' ')[0]}` : ''} "${(el.textContent ?? '').trim().slice(0, 50)}"`;
    const overflowing: string[] = [];
    const labelled = document.querySelectorAll(
      'button, a, label, th, td, h1, h2, h3, legend, dt, dd, option, select, .chip, .status, .notice, .field__hint, .field__error, .outcome__title, .page-header__subtitle, [role="columnheader"], [role="cell"]',
    );
    for (const el of Array.from(labelled)) {
      if (!visible(el) || !(el.textContent ?? '').trim() || el.tagName === 'OPTION') continue;
      const style = getComputedStyle(el);
      const clipsY = ['hidden', 'clip'].includes(style.overflowY) || style.textOverflow === 'ellipsis';
      const wide = el.scrollWidth > el.clientWidth + 1 && el.clientWidth > 0;
      const tall = clipsY && el.scrollHeight > el.clientHeight + 1 && el.clientHeight > 0;
      if (wide || tall) overflowing.push(`${describe(el)} ${el.scrollWidth}×${el.scrollHeight} in ${el.clientWidth}×${el.clientHeight}`);
    }
    // a button's label on more than one line (a narrow button in a longer language)
    for (const el of Array.from(document.querySelectorAll('button, a.button'))) {
      if (!visible(el) || !(el.textContent ?? '').trim() || el.closest('.candidates')) continue;
      const range = document.createRange();
      range.selectNodeContents(el);
      const lines = new Set(Array.from(range.getClientRects()).filter((r) => r.width > 0).map((r) => Math.round(r.top)));
      if (lines.size > 1) overflowing.push(`${describe(el)} wraps onto ${lines.size} lines`);
    }
    const found = new Set<string>();
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = (node.textContent ?? '').trim();
      const parent = node.parentElement;
      if (!text || !parent || !visible(parent) || parent.closest('[aria-hidden="true"], script, style')) continue;
      if (englishSet.has(text)) found.add(text);
    }
    for (const el of Array.from(document.querySelectorAll('[placeholder], [aria-label], [title], [alt]'))) {
      for (const attribute of ['placeholder', 'aria-label', 'title', 'alt']) {
        const value = el.getAttribute(attribute)?.trim();
        if (value && englishSet.has(value)) found.add(`${attribute}=${value}`);
      }
    }
    return {
      marks: /[\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]/.test(document.body.innerText),
      lang: document.documentElement.getAttribute('lang'),
      dir: document.documentElement.getAttribute('dir'),
      overflowing,
      english: [...found],
    };
  }, [...englishTexts]);
}

/** Saves a screenshot under test-results/screens/<locale>/<name>.png and returns what is wrong on it. */
export async function checkScreen(page: Page, locale: Locale, name: string, englishTexts: Set<string>): Promise<string[]> {
  const dir = path.resolve('test-results/screens', locale);
  fs.mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage: false });
  const found = await inspectScreen(page, englishTexts);
  const problems: string[] = [];
  if (found.lang !== locale) problems.push(`${name}: lang is ${found.lang}, not ${locale}`);
  const dir_ = isRightToLeft(locale) ? 'rtl' : 'ltr';
  if (found.dir !== dir_) problems.push(`${name}: dir is ${found.dir}, not ${dir_}`);
  for (const o of found.overflowing) problems.push(`${name}: overflows: ${o}`);
  for (const e of found.english) problems.push(`${name}: still English: ${e}`);
  if (found.marks) problems.push(`${name}: invisible direction marks in the text`);
  return problems;
}
