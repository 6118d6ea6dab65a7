import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundledPaths, defaultDataDir } from '../../../electron/paths';

describe('data folder', () => {
  it('is the same per-user folder Electron uses for "Stampdesk"', () => {
    const home = os.homedir();
    expect(defaultDataDir({}, 'linux')).toBe(path.join(home, '.config', 'Stampdesk'));
    expect(defaultDataDir({ XDG_CONFIG_HOME: '/cfg' }, 'linux')).toBe(path.join('/cfg', 'Stampdesk'));
    expect(defaultDataDir({}, 'darwin')).toBe(path.join(home, 'Library', 'Application Support', 'Stampdesk'));
    expect(defaultDataDir({ APPDATA: 'C:\\Users\\ann\\AppData\\Roaming' }, 'win32')).toBe(path.join('C:\\Users\\ann\\AppData\\Roaming', 'Stampdesk'));
  });

  it('can be overridden for both hosts with STAMPDESK_DATA_DIR', () => {
    expect(defaultDataDir({ STAMPDESK_DATA_DIR: '/srv/shop' }, 'linux')).toBe(path.resolve('/srv/shop'));
  });

  it('finds the renderer and the migrations beside a bundle in dist/', () => {
    expect(bundledPaths('/app/dist/node')).toEqual({ rendererDir: '/app/dist/renderer', migrationsDir: '/app/dist/migrations', resourcesDir: '/app/resources' });
  });
});
