import type { BrowserWindow as BrowserWindowClass, WebPreferences } from 'electron';
import { APP_ORIGIN } from './security';

/** The renderer gets no Node, runs sandboxed and isolated; only the preload's bridge reaches it. */
export const SECURE_WEB_PREFERENCES = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  webviewTag: false,
  experimentalFeatures: false,
  spellcheck: false,
} as const satisfies WebPreferences;

export function createMainWindow(BrowserWindow: typeof BrowserWindowClass, preload: string): BrowserWindowClass {
  const window = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 960,
    minHeight: 600,
    show: false,
    title: 'Stampdesk',
    backgroundColor: '#f6f7f9',
    webPreferences: { ...SECURE_WEB_PREFERENCES, preload },
  });
  window.once('ready-to-show', () => window.show());
  void window.loadURL(`${APP_ORIGIN}/index.html`);
  return window;
}
