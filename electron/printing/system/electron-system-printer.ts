import { BrowserWindow, session } from 'electron';
import { printerProfile } from '../profile';
import { pageSizeMm, pngPage, systemPrintHtml } from './system-html';
import type { SystemPrinter } from './system-printer';

/** How long one page may take to load, decode and be taken by the OS spooler. */
const PAGE_TIMEOUT_MS = 30_000;
const PARTITION = 'stampdesk-system-print';

/**
 * Prints on a printer installed in the OS (Electron only; the browser host prints through the browser's dialog).
 * Each coupon is its own print job on a page of the paper's width and the coupon's height, in a hidden window that
 * runs no script of the page (contextIsolation, sandbox, no nodeIntegration, its own session that grants nothing,
 * no navigation, no new windows) and loads the HTML of system-html.ts. Before print() the images are decoded and two
 * frames painted, since Chromium's silent print is known to give blank receipts on some drivers when it prints a
 * page not yet rendered (Electron issues 41741, 40778); then
 * `webContents.print({ silent, deviceName, margins: none, pageSize in microns, dpi })` with an explicit dpi (silent
 * printing otherwise defaults to 72 dpi: tiny output) and our own timeout (Electron has none in silent mode).
 *
 * Why not electron-pos-printer: it renders with nodeIntegration on and contextIsolation off, builds its page with
 * innerHTML, and gives silent printing no timeout; what it adds (a hidden window sized to the paper, pageSize in
 * microns, copies one by one) is the few lines below, in a window that cannot run anything.
 */
export function createElectronSystemPrinter(options: { timeoutMs?: number } = {}): SystemPrinter {
  const timeoutMs = options.timeoutMs ?? PAGE_TIMEOUT_MS;
  return {
    async print(pngs, { systemName, paperWidth, dots, title }) {
      for (const png of pngs) await printPage(png, { systemName, paperWidth, dots, title }, timeoutMs);
    },
  };
}

type PageOptions = Parameters<SystemPrinter['print']>[1];

async function printPage(png: Buffer, options: PageOptions, timeoutMs: number): Promise<void> {
  const page = pngPage(png);
  const size = pageSizeMm(page, options);
  const dpi = printerProfile(options.paperWidth, options.dots, 'esc-pos').dpi;
  const printSession = session.fromPartition(PARTITION, { cache: false });
  printSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  printSession.setPermissionCheckHandler(() => false);
  const window = new BrowserWindow({
    show: false,
    // the paper's width in CSS pixels (96 per inch), so the page lays out as it prints
    width: Math.ceil((options.paperWidth / 25.4) * 96),
    height: Math.ceil((size.height / 25.4) * 96),
    webPreferences: { contextIsolation: true, sandbox: true, nodeIntegration: false, session: printSession, spellcheck: false, webviewTag: false, navigateOnDragDrop: false },
  });
  const contents = window.webContents;
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-navigate', (event) => event.preventDefault());
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`The system printer ${options.systemName ?? '(default)'} did not take the page within ${timeoutMs / 1000} s`)), timeoutMs);
  });
  try {
    const printed = (async () => {
      await contents.loadURL(`data:text/html;charset=utf-8,${encodeURIComponent(systemPrintHtml([png], options))}`);
      // run in an isolated world by Electron, not subject to the page's CSP (the page itself can run no script)
      const decoded = await contents.executeJavaScript(
        'Promise.all([...document.images].map((i) => i.decode())).then(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))).then(() => [...document.images].every((i) => i.naturalWidth > 0))',
      );
      if (decoded !== true) throw new Error('The page for the system printer did not render');
      await new Promise<void>((resolve, reject) => {
        contents.print(
          {
            silent: true,
            printBackground: true,
            ...(options.systemName ? { deviceName: options.systemName } : {}),
            margins: { marginType: 'none' },
            pageSize: { width: Math.round(size.width * 1000), height: Math.round(size.height * 1000) },
            dpi: { horizontal: dpi, vertical: dpi },
            copies: 1,
          },
          (success, failureReason) => (success ? resolve() : reject(new Error(`The system printer did not take the page: ${failureReason}`))),
        );
      });
    })();
    printed.catch(() => undefined); // a page that fails after the timeout has already been reported
    await Promise.race([printed, timeout]);
  } finally {
    clearTimeout(timer);
    if (!window.isDestroyed()) window.destroy();
  }
}

