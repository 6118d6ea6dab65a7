import os from 'node:os';
import path from 'node:path';

export const APP_NAME = 'Stampdesk';

/**
 * The per-user data folder, the same one Electron's app.getPath('userData') gives for "Stampdesk":
 * %APPDATA%\Stampdesk on Windows, ~/Library/Application Support/Stampdesk on macOS,
 * $XDG_CONFIG_HOME/Stampdesk (default ~/.config/Stampdesk) elsewhere.
 * STAMPDESK_DATA_DIR overrides it for both hosts.
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.STAMPDESK_DATA_DIR) return path.resolve(env.STAMPDESK_DATA_DIR);
  const home = os.homedir();
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), APP_NAME);
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', APP_NAME);
  return path.join(env.XDG_CONFIG_HOME || path.join(home, '.config'), APP_NAME);
}

/** Where the built renderer, the migrations and resources/ sit, relative to a bundle in dist/<host>/. */
export function bundledPaths(bundleDir: string): { rendererDir: string; migrationsDir: string; resourcesDir: string } {
  const distDir = path.resolve(bundleDir, '..');
  return {
    rendererDir: path.join(distDir, 'renderer'),
    migrationsDir: path.join(distDir, 'migrations'),
    resourcesDir: path.resolve(distDir, '..', 'resources'),
  };
}
