import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { KeyNote } from '../../../renderer/sections/sync/KeyNote';
import type { SyncStatus } from '../../../shared/schemas/sync';
import { createTranslator } from '../../../shared/i18n/translator';

function note(storage: SyncStatus['keyStorage'], locale: 'en' | 'azb' = 'en'): string {
  return renderToStaticMarkup(createElement(I18nextProvider, { i18n: createTranslator(locale) }, createElement(KeyNote, { storage })));
}

describe('where the saved API key is kept, in words', () => {
  it('says the system keychain when the OS keeps it', () => {
    expect(note('keychain')).toContain('A key is saved in the system keychain');
    expect(note('keychain')).not.toContain('sync-key-note--weak');
  });

  it('warns when the keychain protects it only weakly (Linux without a secret store)', () => {
    const html = note('weak-keychain');
    expect(html).toContain('sync-key-note--weak');
    expect(html).toContain('protects it only weakly');
    expect(note('weak-keychain', 'azb')).toContain('ضعیف');
  });

  it('says a file only this user can read in the browser host', () => {
    expect(note('file')).toContain('a file that only your user account on this computer can read');
  });

  it('never shows the key: only where it is', () => {
    for (const storage of ['keychain', 'weak-keychain', 'file', null] as const) expect(note(storage)).toContain('never shown again');
  });
});
