import { useTranslation } from 'react-i18next';

/** Shown in a browser tab opened without the printed address: explains how to get in. */
export function NoAccess() {
  const { t } = useTranslation();
  return (
    <main className="no-access" role="main">
      <h1>{t('noAccess.title')}</h1>
      <p>{t('noAccess.body')}</p>
      <p className="muted">{t('noAccess.hint')}</p>
    </main>
  );
}
