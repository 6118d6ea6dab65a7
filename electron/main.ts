import path from 'node:path';
import { app, BrowserWindow, dialog, protocol, safeStorage, session, shell } from 'electron';
import { version } from '../package.json';
import { AppError } from '../shared/api/errors';
import { pickLocale } from '../shared/domain/locales';
import { translate } from '../shared/i18n/translator';
import { registerAppScheme, serveRenderer } from './app-protocol';
import { createCore, type Core } from './core/create-core';
import { electronWorkerSpawner } from './isolation/spawn-electron';
import { createElectronSystemPrinter } from './printing/system/electron-system-printer';
import { registerIpc } from './ipc/register';
import { prepareDataDir } from './db/data-dir';
import { defaultDataDir } from './paths';
import { applySecurity } from './security';
import { createMainWindow } from './window';
import { createSafeStorageKeyStore } from './sync/safe-storage-key-store';

/**
 * Electron lifecycle only: single instance per data folder, open the core on the per-user database, lock down
 * security, register IPC, open the window. Everything else lives in the core.
 */
let mainWindow: BrowserWindow | null = null;
let core: Core | null = null;

registerAppScheme(protocol);

// One Stampdesk per data folder. Electron's single-instance lock is per user-data folder, so the user data lives in
// the shop's data folder (the same folder by default): a second start on the same folder finds this one and focuses
// its window, while a start on another folder (STAMPDESK_DATA_DIR) runs beside it. The folder lock taken when the
// database opens (electron/db/folder-lock.ts) also keeps out a browser host or seeder, which Electron cannot see.
const dataDir = defaultDataDir();
try {
  prepareDataDir(dataDir);
  app.setPath('userData', dataDir);
} catch {
  // start() opens the folder again and explains in a dialog why it cannot be used
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (core && BrowserWindow.getAllWindows().length === 0) mainWindow = openWindow();
  });
  app.on('will-quit', () => core?.close());
  app.whenReady().then(start, fail);
}

function start(): void {
  const appDir = app.getAppPath();
  try {
    core = createCore({
      dataDir,
      migrationsDir: path.join(appDir, 'dist', 'migrations'),
      // packaged: electron-builder's extraResources; from a checkout: ./resources
      resourcesDir: app.isPackaged ? path.join(process.resourcesPath, 'resources') : path.join(appDir, 'resources'),
      version,
      openExternal: (url) => shell.openExternal(url),
      systemLocales: app.getPreferredSystemLanguages(),
      // pictures and coupons are handled in a utility process, started on first use: Skia and sharp never load here
      worker: { spawn: electronWorkerSpawner(path.join(appDir, 'dist', 'worker', 'image-worker.cjs')) },
      // printers installed in the OS: a hidden, script-less window per page (electron/printing/system/)
      systemPrinter: createElectronSystemPrinter(),
      // the cloud API key, encrypted by the OS keychain (the Sync section says so when the protection is weak)
      sync: { keyStore: createSafeStorageKeyStore(safeStorage, dataDir) },
    });
  } catch (error) {
    fail(error);
    return;
  }
  applySecurity(app, session.defaultSession);
  serveRenderer(protocol, path.join(appDir, 'dist', 'renderer'));
  registerIpc(core);
  mainWindow = openWindow();
}

function openWindow(): BrowserWindow {
  const window = createMainWindow(BrowserWindow, path.join(app.getAppPath(), 'dist', 'electron', 'preload.cjs'));
  window.on('closed', () => {
    mainWindow = null;
  });
  return window;
}

/** Why Stampdesk cannot start, in the OS language when Stampdesk speaks it (no shop settings are readable yet). */
function fail(error: unknown): void {
  const locale = pickLocale(app.getPreferredSystemLanguages());
  const message =
    error instanceof AppError ? translate(locale, `apiErrors.${error.key}`, error.params) : translate(locale, 'app.unexpectedError', { detail: String(error) });
  dialog.showErrorBox(translate(locale, 'app.cannotStart'), message);
  app.quit();
}
