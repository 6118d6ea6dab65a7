import fs from 'node:fs';
import { builtinModules } from 'node:module';
import { defineConfig, type Plugin, type UserConfig } from 'vite';
import react from '@vitejs/plugin-react';
import pkg from './package.json' with { type: 'json' };

/**
 * One config, four builds (see `npm run build`):
 * - default: the React renderer -> dist/renderer
 * - node: the browser host -> dist/node/web-host.mjs, plus the migrations -> dist/migrations
 * - electron-main / electron-preload: the Electron shell -> dist/electron/*.cjs (single files)
 */
const runtimeDependencies = Object.keys(pkg.dependencies);
const external = [
  'electron',
  ...runtimeDependencies,
  ...builtinModules,
  ...builtinModules.map((name) => `node:${name}`),
];
const isExternal = (id: string) => external.some((name) => id === name || id.startsWith(`${name}/`));

function copyMigrations(): Plugin {
  return {
    name: 'stampdesk-copy-migrations',
    closeBundle() {
      fs.rmSync('dist/migrations', { recursive: true, force: true });
      fs.cpSync('electron/db/migrations', 'dist/migrations', { recursive: true });
    },
  };
}

function nodeBundle(entry: string, outDir: string, fileName: string, format: 'es' | 'cjs'): UserConfig {
  return {
    publicDir: false,
    plugins: [copyMigrations()],
    build: {
      ssr: entry,
      outDir,
      emptyOutDir: false,
      target: 'node20',
      minify: false,
      sourcemap: true,
      rollupOptions: {
        external: isExternal,
        output: { format, entryFileNames: fileName },
      },
    },
  };
}

export default defineConfig(({ mode }): UserConfig => {
  switch (mode) {
    case 'node':
      return nodeBundle('electron/web-host/main.ts', 'dist/node', 'web-host.mjs', 'es');
    case 'electron-main':
      return nodeBundle('electron/main.ts', 'dist/electron', 'main.cjs', 'cjs');
    case 'electron-preload':
      // sandboxed preloads can require nothing but electron: bundled into one file
      return nodeBundle('electron/preload.ts', 'dist/electron', 'preload.cjs', 'cjs');
    default:
      return {
        root: 'renderer',
        base: './',
        plugins: [react()],
        build: { outDir: '../dist/renderer', emptyOutDir: true, target: 'chrome120', sourcemap: true },
        server: { host: '127.0.0.1' },
      };
  }
});
