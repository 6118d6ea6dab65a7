import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { reasonText, syncStateLabel } from '../../../renderer/app/sync-text';
import type { SyncStatus } from '../../../shared/schemas/sync';
import { createTranslator } from '../../../shared/i18n/translator';

const t = (locale: 'en' | 'azb') => createTranslator(locale).t as unknown as TFunction;

describe('the words for a sync reason', () => {
  it("says the core's own reasons (keys of apiErrors) with their values", () => {
    expect(reasonText({ key: 'sync.noAnswer', params: { host: '127.0.0.1:9' } }, t('en'))).toBe('The cloud at 127.0.0.1:9 does not answer. Check the address and the internet connection.');
  });

  it("says a cloud outcome's reason, which the protocol names inside apiErrors.sync, in the admin's language", () => {
    const reason = { key: 'unknownCard', params: { card: 'EKMcjD5goFhIybIiuyxhhA' } } as never;
    expect(reasonText(reason, t('en'))).toBe('The cloud does not know this card.');
    expect(reasonText(reason, t('azb'))).toBe(t('azb')('apiErrors.sync.unknownCard'));
    expect(reasonText(reason, t('azb'))).not.toMatch(/[A-Za-z]{4}/);
  });

  it('falls back to the general sentence for a reason it does not know, never the key', () => {
    expect(reasonText({ key: 'noSuchReason', params: {} } as never, t('en'))).toBe(t('en')('errors.internal'));
  });
});

describe('the name of the sync state', () => {
  const status = (patch: Partial<SyncStatus>): SyncStatus => ({
    state: 'off', url: null, enabled: false, hasApiKey: false, keyStorage: null, lastSyncAt: null, offlineSince: null,
    pending: 0, conflicts: 0, progress: null, error: null, deviceId: 'd', ...patch,
  });
  it('calls sync without an address or a key "not set up", and one set up but switched off "off"', () => {
    expect(syncStateLabel(status({}))).toBe('notSetUp');
    expect(syncStateLabel(status({ url: 'https://cloud.example', hasApiKey: false }))).toBe('notSetUp');
    expect(syncStateLabel(status({ url: 'https://cloud.example', hasApiKey: true }))).toBe('off');
    expect(syncStateLabel(status({ state: 'offline', enabled: true, url: 'https://cloud.example', hasApiKey: true }))).toBe('offline');
  });
});
