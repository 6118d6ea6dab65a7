import fs from 'node:fs';
import { builtinModules } from 'node:module';
import { defineConfig, type Plugin, type UserConfig } from 'vite';
import react from '@vitejs/plugin-react';
import pkg from './package.json' with { type: 'json' };

/**
 * One config, five builds (see `npm run build`):
 * - default: the React renderer -> dist/renderer
 * - node: the browser host -> dist/node/web-host.mjs, plus the migrations -> dist/migrations
 * - electron-main / electron-preload: the Electron shell -> dist/electron/*.cjs (single files)
 * - worker: the isolated process that reads pictures and draws coupons -> dist/worker/image-worker.cjs, one
 *   CommonJS file that both hosts start (Electron as a utility process, the browser host as a Node child)
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

/** `emptyOutDir`: a build starts from an empty folder, so no file of an earlier build (a stale chunk, a map) ships. */
function nodeBundle(entry: string, outDir: string, fileName: string, format: 'es' | 'cjs', emptyOutDir = true): UserConfig {
  return {
    publicDir: false,
    plugins: [copyMigrations()],
    build: {
      ssr: entry,
      outDir,
      emptyOutDir,
      target: 'node20',
      minify: false,
      // no build ships source maps (they would hand out the sources); stack traces stay readable: no minifying
      sourcemap: false,
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
      return nodeBundle('electron/preload.ts', 'dist/electron', 'preload.cjs', 'cjs', false); // beside main.cjs, built just before
    case 'worker':
      // the modules of each job load on its first job (chunks beside it), after the memory cap is in place
      return nodeBundle('electron/isolation/worker-main.ts', 'dist/worker', 'image-worker.cjs', 'cjs');
    default:
      return {
        root: 'renderer',
        base: './',
        plugins: [react()],
        build: { outDir: '../dist/renderer', emptyOutDir: true, target: 'chrome120', sourcemap: false },
        server: { host: '127.0.0.1' },
      };
  }
});
