import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Settings } from '../../../shared/schemas/settings';
import { SHOP_NAME_MAX } from '../../../shared/schemas/settings';
import { listTimeZones, zoneName } from '../../../shared/domain/time-zone';
import { useSettings } from '../../app/SettingsContext';
import { FormField } from '../../components/FormField';
import { PageHeader } from '../../components/PageHeader';
import { ErrorNotice } from '../../components/ErrorNotice';
import { call } from '../../lib/api';
import { ApiCallError } from '../../lib/api-error';
import { fieldErrorText } from '../../lib/error-text';
import { formatDateTime } from '../../lib/format';
import { NumberField } from '../../components/NumberField';
import { LanguageField } from './LanguageField';
import { PhoneCountryField } from './PhoneCountryField';
import { useClock } from './use-clock';

type Status = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved' } | { kind: 'failed'; error: unknown };

/**
 * Shop name, time zone, language, phone country, card pages, seat and scanning limits. Saves only what
 * changed; errors appear beside their field. The language applies (and is saved) the moment it is chosen.
 */
export function SettingsPage() {
  const { t } = useTranslation();
  const { settings, update } = useSettings();
  const saved = settings!;
  const [draft, setDraft] = useState<Settings>(saved);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const zones = useMemo(() => listTimeZones(), []);
  const now = useClock();

  const changes = (Object.keys(draft) as (keyof Settings)[]).filter((key) => draft[key] !== saved[key]);
  const dirty = changes.length > 0;
  const fieldError = (field: keyof Settings) => (status.kind === 'failed' ? fieldErrorText(status.error, field, t) : null);

  const edit = <K extends keyof Settings>(key: K, value: Settings[K]) => {
    setDraft((d) => ({ ...d, [key]: value }));
    if (status.kind !== 'saving') setStatus({ kind: 'idle' });
  };

  async function save(event: FormEvent) {
    event.preventDefault();
    if (!dirty || status.kind === 'saving') return;
    setStatus({ kind: 'saving' });
    try {
      const patch = Object.fromEntries(changes.map((key) => [key, draft[key]]));
      const next = await call('settings.set', patch);
      update(next);
      setDraft(next);
      setStatus({ kind: 'saved' });
    } catch (error) {
      setStatus({ kind: 'failed', error });
    }
  }

  const timeThere = safeTime(now, draft.timeZone, saved.locale);
  const languageSaved = (next: Settings) => {
    update(next);
    setDraft((d) => ({ ...d, locale: next.locale }));
  };
  const generalError = status.kind === 'failed' && !(status.error instanceof ApiCallError && status.error.field) ? status.error : null;

  return (
    <>
      <PageHeader title={t('settings.title')} subtitle={t('settings.subtitle')} />
      <form className="card form" onSubmit={save} noValidate aria-label={t('settings.title')}>
        <FormField
          label={t('settings.shopName')}
          hint={
            <>
              {t('settings.shopNameHint')}{' '}
              <span className="counter">{t('settings.characters', { count: draft.shopName.length, max: SHOP_NAME_MAX })}</span>
            </>
          }
          error={fieldError('shopName')}
        >
          <input
            className="input"
            name="shopName"
            value={draft.shopName}
            maxLength={SHOP_NAME_MAX}
            placeholder={t('settings.shopNamePlaceholder')}
            autoComplete="organization"
            onChange={(e) => edit('shopName', e.target.value)}
          />
        </FormField>
        <FormField label={t('settings.timeZone')} hint={t('settings.timeZoneHint', { time: timeThere })} error={fieldError('timeZone')}>
          <select className="input" name="timeZone" value={draft.timeZone} onChange={(e) => edit('timeZone', e.target.value)}>
            {zones.map((zone) => (
              <option key={zone} value={zone}>
                {zoneName(zone)}
              </option>
            ))}
          </select>
        </FormField>
        <LanguageField value={saved.locale} onSaved={languageSaved} />
        <PhoneCountryField value={draft.phoneCountry} timeZone={draft.timeZone} error={fieldError('phoneCountry')} onChange={(country) => edit('phoneCountry', country)} />
        <FormField label={t('settings.cardPageBaseUrl')} hint={t('settings.cardPageBaseUrlHint')} error={fieldError('cardPageBaseUrl')}>
          <input
            className="input"
            name="cardPageBaseUrl"
            type="url"
            dir="ltr"
            value={draft.cardPageBaseUrl}
            maxLength={200}
            placeholder={t('settings.cardPageBaseUrlPlaceholder')}
            onChange={(e) => edit('cardPageBaseUrl', e.target.value)}
          />
        </FormField>
        <FormField label={t('settings.seatName')} hint={t('settings.seatNameHint')} error={fieldError('seatName')}>
          <input className="input" name="seatName" value={draft.seatName} maxLength={40} onChange={(e) => edit('seatName', e.target.value)} />
        </FormField>
        <fieldset className="fieldset">
          <legend>{t('settings.scanning')}</legend>
          {(
            [
              ['scanCooldownSeconds', 'scanCooldown'],
              ['scanLockAfter', 'scanLockAfter'],
              ['scanLockMinutes', 'scanLockMinutes'],
            ] as const
          ).map(([key, label]) => (
            <FormField key={key} label={t(`settings.${label}`)} error={fieldError(key)}>
              <NumberField value={Number.isNaN(draft[key]) ? null : draft[key]} onValueChange={(n) => edit(key, n ?? Number.NaN)} />
            </FormField>
          ))}
        </fieldset>
        {generalError !== null && <ErrorNotice error={generalError} />}
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={!dirty || status.kind === 'saving'}>
            {status.kind === 'saving' ? t('settings.saving') : t('settings.save')}
          </button>
          <button
            type="button"
            className="button"
            disabled={!dirty || status.kind === 'saving'}
            onClick={() => {
              setDraft(saved);
              setStatus({ kind: 'idle' });
            }}
          >
            {t('settings.discard')}
          </button>
          <span className="form__status" role="status" aria-live="polite">
            {status.kind === 'saved' && !dirty ? t('settings.saved') : dirty ? t('settings.unsaved') : ''}
          </span>
        </div>
      </form>
    </>
  );
}

function safeTime(now: Date, timeZone: string, locale: Settings['locale']): string {
  try {
    return formatDateTime(now.getTime(), { locale, timeZone });
  } catch {
    return '—';
  }
}
