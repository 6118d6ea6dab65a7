import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { listTimeZones, zoneName } from '../../../shared/domain/time-zone';
import { DEMO_CARDS } from '../../../shared/schemas/app-info';
import { SHOP_NAME_MAX, type SettingsPatch } from '../../../shared/schemas/settings';
import { useSettings } from '../../app/SettingsContext';
import { ErrorNotice } from '../../components/ErrorNotice';
import { FormField } from '../../components/FormField';
import { call } from '../../lib/api';
import { ApiCallError } from '../../lib/api-error';
import { fieldErrorText } from '../../lib/error-text';
import { formatDateTime } from '../../lib/format';

interface Props {
  /** Demo data is in: the list shows it. */
  onDemoLoaded(cards: number): void;
  /** Opens the card import. */
  onImport(): void;
  onSkip(): void;
}

/**
 * The first run of an empty shop: its name and time zone (saved with whichever way the owner starts), then
 * demo data to look around, an import of the shop's own cards, or a skip to the empty list.
 */
export function Welcome({ onDemoLoaded, onImport, onSkip }: Props) {
  const { t } = useTranslation();
  const { settings, update } = useSettings();
  const zones = useMemo(() => listTimeZones(), []);
  const [name, setName] = useState(settings?.shopName ?? '');
  const [zone, setZone] = useState(settings?.timeZone ?? 'UTC');
  const [busy, setBusy] = useState<'demo' | 'save' | null>(null);
  const [error, setError] = useState<unknown>(null);
  const fieldError = (field: string) => fieldErrorText(error, field, t);

  /** Saves what was typed, if anything; false when the core refused it (the reason shows beside its field). */
  const saveTyped = async (): Promise<boolean> => {
    if (!settings) return false;
    const patch: SettingsPatch = {};
    if (name.trim() !== '' && name !== settings.shopName) patch.shopName = name;
    if (zone !== settings.timeZone) patch.timeZone = zone;
    if (Object.keys(patch).length === 0) return true;
    try {
      update(await call('settings.set', patch));
      return true;
    } catch (e) {
      setError(e);
      return false;
    }
  };
  const start = async (kind: 'demo' | 'import' | 'skip') => {
    setError(null);
    setBusy(kind === 'demo' ? 'demo' : 'save');
    try {
      if (!(await saveTyped())) return;
      if (kind === 'import') onImport();
      else if (kind === 'skip') onSkip();
      else onDemoLoaded((await call('demo.load', {})).cards);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(null);
    }
  };

  return (
    <section className="card welcome-first-run" aria-labelledby="welcome-title" data-testid="welcome">
      <h1 id="welcome-title" className="page-header__title">
        {t('about.welcomeTitle')}
      </h1>
      <p className="muted">{t('about.welcomeBody')}</p>
      <div className="welcome-first-run__fields">
        <FormField label={t('settings.shopName')} hint={t('settings.shopNameHint')} error={fieldError('shopName')}>
          <input className="input" value={name} maxLength={SHOP_NAME_MAX} placeholder={t('settings.shopNamePlaceholder')} autoComplete="organization" onChange={(e) => setName(e.target.value)} />
        </FormField>
        <FormField
          label={t('settings.timeZone')}
          hint={settings ? t('settings.timeZoneHint', { time: formatDateTime(Date.now(), { locale: settings.locale, timeZone: zone }) }) : undefined}
          error={fieldError('timeZone')}
        >
          <select className="input" value={zone} onChange={(e) => setZone(e.target.value)}>
            {zones.map((z) => (
              <option key={z} value={z}>
                {zoneName(z)}
              </option>
            ))}
          </select>
        </FormField>
      </div>
      <h2 className="welcome-first-run__question">{t('app.welcome.start')}</h2>
      <div className="welcome-first-run__choices">
        <div className="welcome-first-run__choice">
          <button type="button" className="button button--primary" disabled={busy !== null} onClick={() => void start('demo')}>
            {busy === 'demo' ? t('app.welcome.loadingDemo') : t('app.welcome.demo')}
          </button>
          <p className="muted small">{t('app.welcome.demoHint', { count: DEMO_CARDS })}</p>
        </div>
        <div className="welcome-first-run__choice">
          <button type="button" className="button" disabled={busy !== null} onClick={() => void start('import')}>
            {t('app.welcome.import')}
          </button>
          <p className="muted small">{t('app.welcome.importHint')}</p>
        </div>
      </div>
      {error !== null && !(error instanceof ApiCallError && (error.field === 'shopName' || error.field === 'timeZone')) && <ErrorNotice error={error} />}
      <button type="button" className="link-button" disabled={busy !== null} onClick={() => void start('skip')}>
        {t('app.welcome.skip')}
      </button>
    </section>
  );
}
