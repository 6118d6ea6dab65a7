import path from 'node:path';
import { builtinModules } from 'node:module';

/**
 * The layering rules of the handbook, as a pure checker:
 * - renderer/ imports shared/ and browser packages only: never electron/, Electron, Node or the DB;
 * - shared/ imports nothing of ours but shared/, and only pure, runtime-free packages: zod, i18next, and the
 *   phone, time-zone and calendar rules (libphonenumber-js, countries-and-timezones, jalaali-js);
 * - electron/ never imports renderer/;
 * - electron/db depends on nothing above it (only electron/db and shared/);
 * - only electron/db touches better-sqlite3 / drizzle-orm; only electron/printing touches printer libraries;
 * - only electron/ipc/register.ts uses ipcMain; only electron/preload.ts uses ipcRenderer.
 */
const NODE_BUILTINS = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);
const DB_PACKAGES = ['better-sqlite3', 'drizzle-orm', 'drizzle-kit'];
const PRINTER_PACKAGES = ['electron-pos-printer'];
const MAIN_PROCESS_PACKAGES = ['electron', ...DB_PACKAGES, ...PRINTER_PACKAGES, 'bwip-js', 'sharp', 'heic-decode', '@napi-rs/canvas'];
const SHARED_ALLOWED_PACKAGES = ['zod', 'i18next', 'libphonenumber-js', 'countries-and-timezones', 'jalaali-js'];

export interface Violation {
  file: string;
  specifier: string;
  rule: string;
}

const IMPORT_PATTERNS = [
  // `from` followed by whitespace and a quote, not a quoted word 'from' (a zod path such as ['from'])
  /(?<!['"])\bfrom\s+['"]([^'"]+)['"]/g,
  /^\s*import\s*['"]([^'"]+)['"]/gm,
  /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
  /\brequire\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
];

export function importsOf(source: string): string[] {
  const found = new Set<string>();
  for (const pattern of IMPORT_PATTERNS) for (const match of source.matchAll(pattern)) found.add(match[1]!);
  return [...found];
}

const packageName = (specifier: string) =>
  specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0]!;

const isPackage = (specifier: string, names: readonly string[]) => names.includes(packageName(specifier));

/** `file` is relative to the repository root, with forward slashes. */
export function checkFile(file: string, source: string): Violation[] {
  const violations: Violation[] = [];
  const layer = file.split('/')[0];
  const report = (specifier: string, rule: string) => violations.push({ file, specifier, rule });

  for (const specifier of importsOf(source)) {
    const relative = specifier.startsWith('.');
    const target = relative ? path.posix.normalize(path.posix.join(path.posix.dirname(file), specifier)) : null;
    const targetLayer = target?.split('/')[0];

    if (layer === 'renderer') {
      if (targetLayer === 'electron') report(specifier, 'renderer/ may not import electron/');
      if (!relative && (NODE_BUILTINS.has(specifier) || isPackage(specifier, MAIN_PROCESS_PACKAGES))) {
        report(specifier, 'renderer/ may not import Electron, Node or main-process packages');
      }
    }
    if (layer === 'shared') {
      if (relative && targetLayer !== 'shared') report(specifier, 'shared/ may only import shared/');
      if (!relative && !isPackage(specifier, SHARED_ALLOWED_PACKAGES)) report(specifier, `shared/ may import only ${SHARED_ALLOWED_PACKAGES.join(', ')}`);
    }
    if (layer === 'electron') {
      if (targetLayer === 'renderer') report(specifier, 'electron/ may not import renderer/');
      if (file.startsWith('electron/db/') && relative && !target!.startsWith('electron/db/') && targetLayer !== 'shared') {
        report(specifier, 'electron/db may only import electron/db and shared/');
      }
      if (!relative && isPackage(specifier, DB_PACKAGES) && !file.startsWith('electron/db/')) {
        report(specifier, 'only electron/db may import better-sqlite3 or drizzle');
      }
      if (!relative && isPackage(specifier, PRINTER_PACKAGES) && !file.startsWith('electron/printing/')) {
        report(specifier, 'only electron/printing may import printer libraries');
      }
    }
  }
  const electronImport = /import\s*\{([^}]*)\}\s*from\s*['"]electron['"]/g;
  for (const match of source.matchAll(electronImport)) {
    const names = match[1]!;
    if (/\bipcMain\b/.test(names) && file !== 'electron/ipc/register.ts') report('electron', 'only electron/ipc/register.ts may use ipcMain');
    if (/\bipcRenderer\b/.test(names) && file !== 'electron/preload.ts') report('electron', 'only electron/preload.ts may use ipcRenderer');
  }
  return violations;
}
