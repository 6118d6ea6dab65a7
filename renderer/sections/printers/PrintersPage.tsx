import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';
import { hashParam } from '../../lib/hash-params';
import { useApiQuery } from '../../lib/use-api-query';
import { AddPrinterDialog } from './AddPrinterDialog';
import { JobsList } from './JobsList';
import { PrinterList } from './PrinterList';

/** Printers: the shop's printers (add, test, status, default, remove) and, on its second tab, the print jobs. */
export function PrintersPage() {
  const { t } = useTranslation();
  const tab = hashParam('tab') === 'jobs' ? 'jobs' : 'printers';
  const [version, setVersion] = useState(0);
  const [adding, setAdding] = useState(false);
  const printers = useApiQuery('printers.list', {}, String(version));
  const refresh = () => setVersion((v) => v + 1);

  return (
    <div className="printers-page">
      <PageHeader
        title={t('printers.title')}
        subtitle={t('printers.subtitle')}
        actions={
          <button type="button" className="button button--primary" data-testid="add-printer" onClick={() => setAdding(true)}>
            {t('printers.add')}
          </button>
        }
      />
      <nav className="tabs" aria-label={t('printers.title')}>
        <a className="tabs__tab" href="#/printers" aria-current={tab === 'printers' ? 'page' : undefined} data-testid="tab-printers">
          {t('printers.tabs.printers')}
        </a>
        <a className="tabs__tab" href="#/printers?tab=jobs" aria-current={tab === 'jobs' ? 'page' : undefined} data-testid="tab-jobs">
          {t('printers.tabs.jobs')}
        </a>
      </nav>
      {tab === 'printers' ? <PrinterList query={printers} onChanged={refresh} onAdd={() => setAdding(true)} /> : <JobsList />}
      {adding && (
        <AddPrinterDialog
          onClose={() => setAdding(false)}
          onAdded={() => {
            setAdding(false);
            refresh();
          }}
        />
      )}
    </div>
  );
}
