import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../../shared/api/errors';
import { SUPPORTED_LOCALES, type Locale } from '../../../shared/domain/locales';
import { ERROR_KEYS } from '../../../shared/i18n/keys';
import { pluralCategories } from '../../../shared/i18n/translator';
import { leaves, placeholders, readCatalogue } from '../../support/catalogue-files';
import { SAME_AS_ENGLISH } from '../../support/same-as-english';
import { usedKeyMatchers } from '../../support/used-keys';

const PLURAL = /_(zero|one|two|few|many|other)$/;
const english = leaves(readCatalogue('en'));
/** English keys without plural suffix -> whether they are plural. */
const baseKeys = new Map<string, boolean>();
for (const key of english.keys()) baseKeys.set(key.replace(PLURAL, ''), PLURAL.test(key) || baseKeys.get(key.replace(PLURAL, '')) === true);

/** The keys a locale must have: plural keys in each of the language's CLDR categories. */
function requiredKeys(locale: Locale): string[] {
  return [...baseKeys].flatMap(([base, plural]) => (plural ? pluralCategories(locale).map((c) => `${base}_${c}`) : [base]));
}

describe.each(SUPPORTED_LOCALES)('the %s catalogue', (locale) => {
  const catalogue = leaves(readCatalogue(locale));

  it('has every key, none empty, in each plural category of the language', () => {
    const missing = requiredKeys(locale).filter((key) => !catalogue.get(key)?.trim());
    expect(missing).toEqual([]);
  });

  it('has no key the English catalogue lacks (no leftovers, no plural forms the language does not use)', () => {
    const required = new Set(requiredKeys(locale));
    expect([...catalogue.keys()].filter((key) => !required.has(key))).toEqual([]);
  });

  it('keeps the placeholders of the English text', () => {
    const wrong: string[] = [];
    for (const [key, text] of catalogue) {
      const base = key.replace(PLURAL, '');
      const source = english.get(base) ?? english.get(`${base}_other`);
      if (source === undefined) continue;
      const expected = placeholders(source).filter((p) => !(p === 'count' && PLURAL.test(key) && !key.endsWith('_other')));
      const got = placeholders(text).filter((p) => !(p === 'count' && PLURAL.test(key) && !key.endsWith('_other')));
      if (JSON.stringify([...new Set(expected)]) !== JSON.stringify([...new Set(got)])) wrong.push(`${key}: ${got.join(',')} ≠ ${expected.join(',')}`);
    }
    expect(wrong).toEqual([]);
  });

  // English is the source: the other four translate it
  if (locale !== 'en') it('translates every text, except the names and labels the manual keeps as they are', () => {
    const allowed = SAME_AS_ENGLISH[locale as Exclude<Locale, 'en'>];
    const untranslated = [...catalogue]
      .filter(([key, text]) => /\p{L}/u.test(text.replace(/\{\{[^}]*\}\}/g, '')) && text === (english.get(key) ?? english.get(key.replace(PLURAL, '_other'))))
      .map(([key]) => key.replace(PLURAL, ''))
      .filter((key) => !allowed.has(key));
    expect([...new Set(untranslated)]).toEqual([]);
  });

  if (locale === 'azb') it('writes azb with Persian-style letters (ی, ک), not Arabic ي or ك', () => {
    expect([...catalogue].filter(([, text]) => /[يك]/.test(text)).map(([key]) => key)).toEqual([]);
  });
});

describe('catalogue keys and the code', () => {
  it('every error the core can throw has a translation in every catalogue', () => {
    expect(ERROR_KEYS.length).toBeGreaterThan(50);
    for (const locale of SUPPORTED_LOCALES) {
      const catalogue = leaves(readCatalogue(locale));
      const has = (key: string) => catalogue.has(key) || pluralCategories(locale).some((c) => catalogue.has(`${key}_${c}`));
      expect(ERROR_KEYS.filter((key) => !has(`apiErrors.${key}`)), locale).toEqual([]);
      expect(ERROR_CODES.filter((code) => !has(`errors.${code}`)), locale).toEqual([]);
    }
  });

  it('every English key is used by the code', () => {
    const used = usedKeyMatchers(path.resolve(import.meta.dirname, '../../..'));
    const unused = [...baseKeys.keys()].filter((key) => !used(key));
    expect(unused).toEqual([]);
  });

  it('has the same areas (files) in every language', () => {
    const areas = (locale: string) => fs.readdirSync(path.resolve(import.meta.dirname, '../../../shared/i18n/catalogues', locale)).filter((f) => f.endsWith('.json')).sort();
    for (const locale of SUPPORTED_LOCALES) expect(areas(locale), locale).toEqual(areas('en'));
  });
});
