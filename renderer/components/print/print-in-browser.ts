import { printedMm, type PrintPages } from '../../../shared/schemas/printing';
import { pageImageUrl, pageRule } from './page-image';

/**
 * Prints a system-printer job in the browser host through the browser's own print dialog: a hidden iframe on this
 * origin that runs no script (sandbox without allow-scripts), whose document is built with DOM calls only (nothing
 * parsed as HTML), a page the paper's width wide and one image per coupon. Resolves when the dialog has closed.
 */
export async function printPagesInBrowser(pages: PrintPages): Promise<void> {
  const frame = document.createElement('iframe');
  frame.setAttribute('sandbox', 'allow-same-origin allow-modals');
  frame.setAttribute('aria-hidden', 'true');
  frame.tabIndex = -1;
  frame.className = 'print-frame';
  frame.dataset.testid = 'print-frame';
  document.body.append(frame);
  try {
    const doc = frame.contentDocument;
    const view = frame.contentWindow as (Window & typeof globalThis) | null;
    if (!doc || !view) throw new Error('The print frame has no document.');
    doc.body.style.margin = '0';
    const images = pages.pages.map((page) => {
      const img = doc.createElement('img');
      img.src = pageImageUrl(page);
      img.alt = '';
      img.style.display = 'block';
      // the printed width, not the paper's: 576 dots are 72 mm, centred on 80 mm paper as a receipt printer prints them
      img.style.width = `${Math.round(printedMm(pages.dots) * 100) / 100}mm`;
      img.style.marginInline = 'auto';
      img.style.imageRendering = 'pixelated';
      img.style.breakAfter = 'page';
      doc.body.append(img);
      return img;
    });
    await Promise.all(images.map((img) => img.decode().catch(() => undefined)));
    // a constructed sheet: the policy refuses inline <style> text, and nothing here is parsed from markup
    const sheet = new view.CSSStyleSheet();
    sheet.replaceSync(pageRule(pages.paperWidth, pages.dots, images.map((img) => img.naturalHeight)));
    doc.adoptedStyleSheets = [sheet];
    view.focus();
    view.print();
  } finally {
    frame.remove();
  }
}
