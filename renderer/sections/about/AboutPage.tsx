import { useTranslation } from 'react-i18next';
import { useSettings } from '../../app/SettingsContext';
import { EmptyState } from '../../components/EmptyState';
import { ErrorNotice } from '../../components/ErrorNotice';
import { PageHeader } from '../../components/PageHeader';
import { useApiQuery } from '../../lib/use-api-query';

/** What this installation is: version, data folder, schema, how many cards and vouchers. */
export function AboutPage() {
  const { t, i18n } = useTranslation();
  const { settings } = useSettings();
  const { data: info, error, reload } = useApiQuery('app.info', {});
  const number = new Intl.NumberFormat(i18n.language);

  return (
    <>
      <PageHeader title={t('about.title')} subtitle={t('about.subtitle')} />
      {settings && !settings.shopName && (
        <section className="card welcome" aria-label={t('about.welcomeTitle')}>
          <h2>{t('about.welcomeTitle')}</h2>
          <p>{t('about.welcomeBody')}</p>
          <a className="button button--primary" href="#/settings">
            {t('about.openSettings')}
          </a>
        </section>
      )}
      {error !== null && <ErrorNotice error={error} onRetry={reload} />}
      {info && (
        <>
          <section className="card" aria-labelledby="facts-title">
            <h2 id="facts-title" className="card__title">
              {t('about.facts')}
            </h2>
            <dl className="facts">
              <dt>{t('about.version')}</dt>
              <dd data-testid="info-version">{info.version}</dd>
              <dt>{t('about.dataDir')}</dt>
              <dd data-testid="info-data-dir" className="mono">
                {info.dataDir}
              </dd>
              <dt>{t('about.schemaVersion')}</dt>
              <dd data-testid="info-schema">{number.format(info.schemaVersion)}</dd>
              <dt>{t('about.cards')}</dt>
              <dd data-testid="info-cards">{number.format(info.cards)}</dd>
              <dt>{t('about.vouchers')}</dt>
              <dd data-testid="info-vouchers">{number.format(info.vouchers)}</dd>
            </dl>
          </section>
          {info.cards === 0 && (
            <EmptyState title={t('about.noCardsTitle')}>
              <p>{t('about.noCardsBody')}</p>
            </EmptyState>
          )}
        </>
      )}
    </>
  );
}
