import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkFile } from '../support/layering-rules';

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.posix.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'migrations' ? [] : sourceFiles(full);
    return /\.(ts|tsx|cjs|mjs|js)$/.test(entry.name) ? [full] : [];
  });
}

describe('layering by runtime', () => {
  it('holds for every source file', () => {
    const files = ['electron', 'renderer', 'shared'].flatMap(sourceFiles);
    expect(files.length).toBeGreaterThan(30);
    const violations = files.flatMap((file) => checkFile(file, fs.readFileSync(file, 'utf8')));
    expect(violations).toEqual([]);
  });

  it('catches each kind of violation', () => {
    const SHARED_PACKAGES_RULE = 'shared/ may import only zod, i18next, libphonenumber-js, countries-and-timezones, jalaali-js';
    const cases: Array<[string, string, string]> = [
      ['renderer/app/X.tsx', "import { openDatabase } from '../../electron/db/client';", 'renderer/ may not import electron/'],
      ['renderer/app/X.tsx', "import fs from 'node:fs';", 'renderer/ may not import Electron, Node or main-process packages'],
      ['renderer/app/X.tsx', "import { ipcRenderer } from 'electron';", 'renderer/ may not import Electron, Node or main-process packages'],
      ['shared/api/x.ts', "import { App } from '../../renderer/app/App';", 'shared/ may only import shared/'],
      ['shared/api/x.ts', "import { app } from 'electron';", SHARED_PACKAGES_RULE],
      ['shared/api/x.ts', "import React from 'react';", SHARED_PACKAGES_RULE],
      ['electron/main.ts', "import { App } from '../renderer/app/App';", 'electron/ may not import renderer/'],
      ['electron/cards/search.ts', "import Database from 'better-sqlite3';", 'only electron/db may import better-sqlite3 or drizzle'],
      ['electron/cards/search.ts', "const { eq } = require('drizzle-orm/sql');", 'only electron/db may import better-sqlite3 or drizzle'],
      ['electron/db/repos/x.repo.ts', "import type { Thing } from '../../demo/seed';", 'electron/db may only import electron/db and shared/'],
      ['electron/vouchers/print.ts', "import { PosPrinter } from 'electron-pos-printer';", 'only electron/printing may import printer libraries'],
      ['electron/window.ts', "import { ipcMain, BrowserWindow } from 'electron';", 'only electron/ipc/register.ts may use ipcMain'],
      ['electron/window.ts', "import {\n  ipcRenderer,\n} from 'electron';", 'only electron/preload.ts may use ipcRenderer'],
    ];
    for (const [file, source, rule] of cases) {
      expect(checkFile(file, source).map((v) => v.rule), `${file}: ${source}`).toContain(rule);
    }
    expect(checkFile('electron/db/client.ts', "import Database from 'better-sqlite3';")).toEqual([]);
    expect(checkFile('electron/ipc/register.ts', "import { ipcMain } from 'electron';")).toEqual([]);
    expect(checkFile('shared/api/contract.ts', "import { z } from 'zod';\nimport { x } from '../schemas/x';")).toEqual([]);
    // a quoted word 'from' in code is not an import (a zod path, then a later string)
    expect(checkFile('shared/schemas/x.ts', "z.object({}).refine(f, { path: ['from'] }).refine(g, says('tooLong'));")).toEqual([]);
  });
});
