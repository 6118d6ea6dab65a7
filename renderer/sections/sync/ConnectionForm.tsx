import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SyncStatus, SyncTestResult } from '../../../shared/schemas/sync';
import { useSyncStatus } from '../../app/SyncStatusContext';
import { ErrorNotice } from '../../components/ErrorNotice';
import { FormField } from '../../components/FormField';
import { call } from '../../lib/api';
import { fieldErrorText } from '../../lib/error-text';
import { KeyNote } from './KeyNote';
import { TestOutcome } from './TestOutcome';

const FIELDS = ['url', 'apiKey'];

/**
 * The cloud's address and the shop's API key. The key goes in a password field and, once saved, is never shown
 * again: the note under it says where it is kept. Test connection tries what is typed without saving it.
 */
export function ConnectionForm({ status }: { status: SyncStatus }) {
  const { t } = useTranslation();
  const { update } = useSyncStatus();
  const [url, setUrl] = useState(status.url ?? '');
  const [apiKey, setApiKey] = useState('');
  const [busy, setBusy] = useState<'save' | 'test' | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [tested, setTested] = useState<SyncTestResult | null>(null);
  const [saved, setSaved] = useState(false);
  const firstSetup = !status.enabled && (status.url === null || !status.hasApiKey);
  const keyInput = apiKey.trim() ? { apiKey } : {};

  const start = (what: 'save' | 'test') => {
    setBusy(what);
    setError(null);
    setTested(null);
    setSaved(false);
  };
  const save = async (event: FormEvent) => {
    event.preventDefault();
    start('save');
    try {
      const next = await call('sync.configure', { url, ...keyInput, ...(firstSetup ? { enabled: true } : {}) });
      update(next);
      setApiKey('');
      setSaved(true);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(null);
    }
  };
  const test = async () => {
    start('test');
    try {
      setTested(await call('sync.test', { url, ...keyInput }));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(null);
    }
  };
  const otherError = error !== null && !FIELDS.some((f) => fieldErrorText(error, f, t));

  return (
    <section className="sync-panel" aria-labelledby="sync-connection-heading">
      <h2 id="sync-connection-heading" className="sync-panel__title">
        {t('sync.connection.heading')}
      </h2>
      <form className="form form--wide" onSubmit={save} noValidate data-testid="sync-connection">
        <FormField label={t('sync.connection.url')} hint={t('sync.connection.urlHint')} error={fieldErrorText(error, 'url', t)}>
          <input className="input" name="url" type="url" dir="ltr" value={url} autoComplete="off" spellCheck={false} onChange={(e) => setUrl(e.target.value)} />
        </FormField>
        <FormField
          label={t('sync.connection.apiKey')}
          hint={status.hasApiKey ? <KeyNote storage={status.keyStorage} /> : t('sync.connection.apiKeyHint')}
          error={fieldErrorText(error, 'apiKey', t)}
        >
          <input className="input" name="apiKey" type="password" dir="ltr" value={apiKey} autoComplete="new-password" spellCheck={false} onChange={(e) => setApiKey(e.target.value)} />
        </FormField>
        {firstSetup && <p className="muted">{t('sync.connection.firstSetup')}</p>}
        <div className="form__actions">
          <button type="submit" className="button button--primary" data-testid="sync-save" disabled={busy !== null}>
            {busy === 'save' ? t('sync.connection.saving') : t('sync.connection.save')}
          </button>
          <button type="button" className="button" data-testid="sync-test" disabled={busy !== null} onClick={() => void test()}>
            {busy === 'test' ? t('sync.connection.testing') : t('sync.connection.test')}
          </button>
          <span className="form__status" role="status" data-testid="sync-saved">
            {saved ? t('sync.connection.saved') : ''}
          </span>
        </div>
        {tested && <TestOutcome result={tested} />}
        {otherError && <ErrorNotice error={error} />}
      </form>
    </section>
  );
}
