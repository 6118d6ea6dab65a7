import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../components/ErrorNotice';
import { DEFAULT_SECTION_ID, SECTIONS } from './sections';
import { SettingsProvider, useSettings } from './SettingsContext';
import { SideMenu } from './SideMenu';
import { SyncStatusProvider } from './SyncStatusContext';
import { useHashRoute } from './use-hash-route';

/** The admin shell: side menu on the start side, the chosen section's page beside it. */
export function App() {
  return (
    <SettingsProvider>
      <SyncStatusProvider>
        <Shell />
      </SyncStatusProvider>
    </SettingsProvider>
  );
}

function Shell() {
  const { t } = useTranslation();
  const { settings, error, reload } = useSettings();
  const [route, , hash] = useHashRoute(DEFAULT_SECTION_ID);
  const section = SECTIONS.find((s) => s.id === route) ?? SECTIONS.find((s) => s.id === DEFAULT_SECTION_ID)!;

  if (error) {
    return (
      <main className="page page--centered">
        <ErrorNotice error={error} onRetry={reload} />
      </main>
    );
  }
  if (!settings) {
    return (
      <main className="page page--centered" aria-busy="true">
        {t('app.loading')}
      </main>
    );
  }
  const { Page } = section;
  return (
    <div className="shell">
      <button type="button" className="skip-link" onClick={() => document.getElementById('content')?.focus()}>
        {t('app.skipToContent')}
      </button>
      <SideMenu sections={SECTIONS} current={section.id} shopName={settings.shopName} />
      <main className="page" id="content" tabIndex={-1} data-section-page={section.id}>
        {/* a new address (e.g. another card for Issue Voucher) starts the page afresh */}
        <Page key={hash.split('?')[1] ?? ''} />
      </main>
    </div>
  );
}
