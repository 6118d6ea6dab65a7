import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { UserConfig } from 'vite';
import viteConfig from '../../vite.config';
import pkg from '../../package.json' with { type: 'json' };

/** The vite modes `npm run build` runs (`vite build` alone is the default mode, `production`). */
function buildModes(): string[] {
  const modes = [...pkg.scripts.build.matchAll(/vite build(?:\s+--mode\s+(\S+))?/g)].map((m) => m[1] ?? 'production');
  return [...new Set(modes)];
}

/** `key: value` lines of one top-level block of electron-builder.yml. */
function yamlBlock(text: string, name: string): Map<string, string> {
  const lines = text.split('\n');
  const start = lines.findIndex((line) => line.startsWith(`${name}:`));
  const entries = new Map<string, string>();
  if (start < 0) return entries;
  for (const line of lines.slice(start + 1)) {
    if (/^\S/.test(line)) break;
    const match = /^\s+([A-Za-z]+):\s*(\S+)/.exec(line);
    if (match) entries.set(match[1]!, match[2]!);
  }
  return entries;
}

describe('release builds', () => {
  it('no build mode of npm run build writes source maps', () => {
    const modes = buildModes();
    expect(modes.length).toBeGreaterThanOrEqual(4);
    const factory = viteConfig as unknown as (env: { mode: string; command: 'build' }) => UserConfig;
    for (const mode of modes) {
      const config = factory({ mode, command: 'build' });
      expect([mode, config.build?.sourcemap ?? false]).toEqual([mode, false]);
    }
  });

  it('electron-builder flips the Electron fuses: no running as Node, no NODE_OPTIONS or --inspect, code only from a validated asar', () => {
    const fuses = yamlBlock(fs.readFileSync('electron-builder.yml', 'utf8'), 'electronFuses');
    expect(Object.fromEntries(fuses)).toMatchObject({
      runAsNode: 'false',
      enableNodeOptionsEnvironmentVariable: 'false',
      enableNodeCliInspectArguments: 'false',
      enableEmbeddedAsarIntegrityValidation: 'true',
      onlyLoadAppFromAsar: 'true',
    });
    // every name is one electron-builder 26 knows (a misspelt fuse would be ignored silently)
    const types = fs.readFileSync('node_modules/app-builder-lib/out/configuration.d.ts', 'utf8');
    const known = /export interface FuseOptionsV1 \{([\s\S]*?)\n\}/.exec(types)?.[1] ?? '';
    for (const name of fuses.keys()) expect(known, name).toMatch(new RegExp(`\\b${name}\\?:\\s*boolean`));
    expect(fs.readFileSync('electron-builder.yml', 'utf8')).toMatch(/^asar: true$/m);
  });
});
