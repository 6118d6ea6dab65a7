import { useTranslation } from 'react-i18next';
import type { SyncTestResult } from '../../../shared/schemas/sync';
import { reasonText } from '../../app/sync-text';

/** What Test connection found: the shop's name at the cloud, or what is wrong (no answer, TLS, key, version). */
export function TestOutcome({ result }: { result: SyncTestResult }) {
  const { t } = useTranslation();
  if (result.ok) {
    return (
      <div className="sync-test sync-test--ok" role="status" data-testid="sync-test-result" data-ok="true">
        <strong>{t('sync.connection.testOk')}</strong>
        <p>{t('sync.connection.testOkShop', { shop: result.shopName })}</p>
      </div>
    );
  }
  return (
    <div className="sync-test sync-test--bad" role="alert" data-testid="sync-test-result" data-ok="false" data-reason={result.reason.key}>
      <strong>{t('sync.connection.testFailed')}</strong>
      <p>{reasonText(result.reason, t)}</p>
    </div>
  );
}
