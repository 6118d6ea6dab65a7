import { useTranslation } from 'react-i18next';
import { useSettings } from '../../app/SettingsContext';
import { EmptyState } from '../../components/EmptyState';
import { ErrorNotice } from '../../components/ErrorNotice';
import { PageHeader } from '../../components/PageHeader';
import { useApiQuery } from '../../lib/use-api-query';
import { formatNumber } from '../../lib/format';
import { useLocale } from '../../lib/use-locale';
import { Ltr } from '../../components/Ltr';

/** What this installation is: version, data folder, schema, how many cards and vouchers. */
export function AboutPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { settings } = useSettings();
  const { data: info, error, reload } = useApiQuery('app.info', {});

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
              <dd>
                <Ltr className="mono" testId="info-data-dir">
                  {info.dataDir}
                </Ltr>
              </dd>
              <dt>{t('about.schemaVersion')}</dt>
              <dd data-testid="info-schema">{formatNumber(info.schemaVersion, locale)}</dd>
              <dt>{t('about.cards')}</dt>
              <dd data-testid="info-cards">{formatNumber(info.cards, locale)}</dd>
              <dt>{t('about.vouchers')}</dt>
              <dd data-testid="info-vouchers">{formatNumber(info.vouchers, locale)}</dd>
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
