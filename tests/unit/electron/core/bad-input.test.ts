import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { METHOD_NAMES } from '../../../../shared/api/contract';
import { createCore, type Core } from '../../../../electron/core/create-core';
import { seedDemo } from '../../../../electron/demo/seed';
import { makeTempDir, MIGRATIONS_DIR } from '../../../support/temp-dir';
import { VALID_INPUTS } from '../../../support/valid-inputs';
import { dbFingerprint } from '../../../support/db-fingerprint';

const MEGABYTE_STRING = 'x'.repeat(1024 * 1024);

interface BadCase {
  label: string;
  input: unknown;
  /** The field the error must name (a prefix is enough for nested fields). */
  field?: string;
}

/** Characters no text field takes: lone UTF-16 surrogates (JSON and IPC can carry them) and NUL. */
const BROKEN_CHARACTERS: Array<[string, string]> = [
  ['a lone high surrogate', '\ud800'],
  ['a lone low surrogate', '\udfff'],
  ['a NUL', '\u0000'],
];

/** Every string in a valid input, however deep, with its path and a setter that returns a changed copy. */
function stringLeaves(value: unknown, path: string[] = []): Array<{ path: string[]; text: string; replace(text: string): unknown }> {
  if (typeof value === 'string') return [{ path, text: value, replace: (text) => text }];
  if (value === null || typeof value !== 'object') return [];
  const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value);
  return entries.flatMap(([key, child]) =>
    stringLeaves(child, [...path, key]).map((leaf) => ({
      ...leaf,
      replace: (text: string) => (Array.isArray(value) ? value.map((v, i) => (String(i) === key ? leaf.replace(text) : v)) : { ...value, [key]: leaf.replace(text) }),
    })),
  );
}

/**
 * Malformed variants of a valid input: wrong root types, unknown keys, wrong types, huge strings, broken characters
 * (lone surrogates, NUL) in any string, missing fields.
 */
function badInputsFor(valid: Record<string, unknown>): BadCase[] {
  const cases: BadCase[] = [
    { label: 'a string instead of an object', input: 'not an object' },
    { label: 'a number instead of an object', input: 42 },
    { label: 'null', input: null },
    { label: 'an array', input: [valid] },
    { label: 'an unknown key', input: { ...valid, sneaky: true }, field: 'sneaky' },
    { label: 'a prototype-polluting key', input: JSON.parse(`{"__proto__": {"admin": true}, "constructor": 1}`) },
  ];
  for (const [key, value] of Object.entries(valid)) {
    const wrongType = typeof value === 'string' ? 12345 : typeof value === 'number' ? 'twelve' : typeof value === 'boolean' ? 'yes' : 'wrong';
    cases.push({ label: `${key} of the wrong type`, input: { ...valid, [key]: wrongType }, field: key });
    cases.push({ label: `${key} as a 1 MB string`, input: { ...valid, [key]: MEGABYTE_STRING }, field: key });
    cases.push({ label: `${key} as an object`, input: { ...valid, [key]: { nested: [1, 2, 3] } }, field: key });
  }
  // in the middle of every string, nested ones included (a CSV file's header too)
  for (const leaf of stringLeaves(valid)) {
    const middle = Math.floor(leaf.text.length / 2);
    for (const [name, bad] of BROKEN_CHARACTERS) {
      const input = leaf.replace(`${leaf.text.slice(0, middle)}${bad}${leaf.text.slice(middle)}`);
      cases.push({ label: `${leaf.path.join('.')} holding ${name}`, input, field: leaf.path[0] });
    }
  }
  return cases;
}

describe('every API method rejects malformed input and changes nothing', () => {
  let core: Core;
  let temp: ReturnType<typeof makeTempDir>;
  beforeAll(() => {
    temp = makeTempDir();
    core = createCore({ dataDir: temp.dir, migrationsDir: MIGRATIONS_DIR, version: 'test' });
    seedDemo(core.db, { cards: 60 });
  });
  afterAll(() => {
    core.close();
    temp.cleanup();
  });

  it('has a valid sample input for every method of the contract', () => {
    expect(Object.keys(VALID_INPUTS).sort()).toEqual([...METHOD_NAMES].sort());
  });

  for (const method of METHOD_NAMES) {
    it(`${method}`, async () => {
      const before = dbFingerprint(core.db);
      for (const bad of badInputsFor(VALID_INPUTS[method] as Record<string, unknown>)) {
        const result = await core.call(method, bad.input);
        expect(result.ok, `${method} accepted ${bad.label}`).toBe(false);
        if (result.ok) continue;
        expect(result.error.code, bad.label).toBe('invalid_input');
        expect(result.error.field, bad.label).toBeTruthy();
        expect(result.error.message.length, bad.label).toBeLessThan(300);
        if (bad.field) expect(result.error.field!.startsWith(bad.field), `${bad.label}: field ${result.error.field}`).toBe(true);
      }
      expect(dbFingerprint(core.db)).toBe(before);
    });
  }

  it('a missing required field is named', async () => {
    const result = await core.call('settings.set', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('an unknown method gets a clear error', async () => {
    for (const name of ['cards.hack', '__proto__', 'constructor', 'toString', '', 17]) {
      const result = await core.call(name, {});
      expect(result).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
    }
  });

  it('the valid samples pass validation', async () => {
    for (const method of METHOD_NAMES) {
      const result = await core.call(method, VALID_INPUTS[method]);
      if (!result.ok) expect(result.error.code, `${method}: ${result.error.message}`).not.toBe('invalid_input');
    }
  });
});
