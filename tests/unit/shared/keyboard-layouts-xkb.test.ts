import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PERSIAN_STANDARD } from '../../../shared/domain/keyboard-layouts/persian-standard';
import { THAI_KEDMANEE } from '../../../shared/domain/keyboard-layouts/thai-kedmanee';
import { KEY_NAMES, US_QWERTY, type KeyName, type KeyTable } from '../../../shared/domain/keyboard-layouts/us-qwerty';

/**
 * The layout tables are X.org's own data: parsed here from Debian's xkb-data symbol files, with keysym
 * names resolved through X11's keysymdef.h (x11proto-dev). Both are installed by .ci/run; if they are
 * missing these tests fail, they are not skipped.
 */
const SYMBOLS_DIR = '/usr/share/X11/xkb/symbols';
const KEYSYMDEF = '/usr/include/X11/keysymdef.h';

/** Keysym name → the character it types, from keysymdef.h's `U+XXXX` notes (aliases through their value). */
function readKeysyms(): Map<string, string> {
  const source = fs.readFileSync(KEYSYMDEF, 'utf8');
  const byValue = new Map<number, string>();
  const values = new Map<string, number>();
  for (const m of source.matchAll(/^#define XK_(\w+)\s+0x([0-9a-fA-F]+)(?:\s*\/\*\s*\(?U\+([0-9A-F]{4,6}))?/gm)) {
    const value = parseInt(m[2]!, 16);
    values.set(m[1]!, value);
    if (m[3] && !byValue.has(value)) byValue.set(value, String.fromCodePoint(parseInt(m[3], 16)));
  }
  const names = new Map<string, string>();
  for (const [name, value] of values) if (byValue.has(value)) names.set(name, byValue.get(value)!);
  return names;
}

type XkbKeys = Map<string, string[]>;

/** The keys of one `xkb_symbols "section"`, following its includes in order (later definitions win). */
function readSection(file: string, section: string): XkbKeys {
  const source = fs.readFileSync(path.join(SYMBOLS_DIR, file), 'utf8').replace(/\/\/.*$/gm, '');
  const start = source.indexOf(`xkb_symbols "${section}"`);
  if (start < 0) throw new Error(`${file}(${section}) not found`);
  const end = source.indexOf('\n};', start);
  const body = source.slice(start, end);
  const keys: XkbKeys = new Map();
  for (const m of body.matchAll(/include\s+"(\w+)(?:\((\w+)\))?"|key\s+<(\w+)>\s*\{([^}]*)\}/g)) {
    if (m[1]) {
      for (const [key, syms] of readSection(m[1], m[2] ?? 'basic')) keys.set(key, syms);
      continue;
    }
    const list = /symbols\[Group1\]\s*=\s*\[([^\]]*)\]/.exec(m[4]!) ?? /^\s*\[([^\]]*)\]/.exec(m[4]!);
    if (list) keys.set(m[3]!, list[1]!.split(',').map((s) => s.trim()));
  }
  return keys;
}

function resolve(keysyms: Map<string, string>, name: string): string | null {
  if (name === 'VoidSymbol' || name === 'NoSymbol') return null;
  const unicode = /^0x100([0-9a-fA-F]{4,5})$/.exec(name);
  if (unicode) return String.fromCodePoint(parseInt(unicode[1]!, 16));
  const char = keysyms.get(name);
  if (char === undefined) throw new Error(`unknown keysym ${name}`);
  return char;
}

/** Levels 1 and 2 (no Shift, Shift) of every key a scanner uses, as characters. */
function levels(file: string, section: string): Record<KeyName, [string | null, string | null]> {
  const keysyms = readKeysyms();
  const keys = readSection(file, section);
  return Object.fromEntries(
    KEY_NAMES.map((key) => {
      const syms = keys.get(key);
      if (!syms) throw new Error(`${file}(${section}) has no key <${key}>`);
      return [key, [resolve(keysyms, syms[0]!), resolve(keysyms, syms[1] ?? syms[0]!)]];
    }),
  ) as Record<KeyName, [string | null, string | null]>;
}

function expectSame(table: KeyTable, xkb: Record<KeyName, [string | null, string | null]>): void {
  for (const key of KEY_NAMES) expect([key, ...table[key]]).toEqual([key, ...xkb[key]]);
}

describe('keyboard layout tables against the XKB symbol files', () => {
  it('the symbol files and keysymdef.h are there (xkb-data, x11proto-dev)', () => {
    for (const file of [path.join(SYMBOLS_DIR, 'us'), path.join(SYMBOLS_DIR, 'th'), path.join(SYMBOLS_DIR, 'ir'), KEYSYMDEF]) {
      expect(fs.existsSync(file), `${file} is missing: apt-get install xkb-data x11proto-dev`).toBe(true);
    }
  });

  it('US QWERTY is XKB us(basic)', () => {
    expectSame(US_QWERTY, levels('us', 'basic'));
  });

  it('Thai Kedmanee is XKB th(basic), every key unshifted and shifted', () => {
    expectSame(THAI_KEDMANEE, levels('th', 'basic'));
  });

  it('Persian standard is XKB ir(pes) with its includes, every key unshifted and shifted', () => {
    expectSame(PERSIAN_STANDARD, levels('ir', 'pes'));
  });

  it('the parser reads what it should: a few keys spelled out', () => {
    const th = levels('th', 'basic');
    expect(th.AE01).toEqual(['ๅ', '+']);
    expect(th.AE11).toEqual(['ข', '๘']);
    const fa = levels('ir', 'pes');
    expect(fa.AE01).toEqual(['۱', '!']);
    expect(fa.AB05).toEqual(['ذ', '\u200C']);
    expect(fa.AE11).toEqual(['-', 'ـ']);
  });
});
