import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Printer } from '../../../shared/schemas/printing';
import { ErrorNotice } from '../../components/ErrorNotice';
import { printPagesInBrowser } from '../../components/print/print-in-browser';
import { call } from '../../lib/api';
import { PrinterFacts } from './PrinterFacts';
import { RemovePrinterDialog } from './RemovePrinterDialog';

interface Props {
  printer: Printer;
  onChanged(): void;
}

/** One printer with its facts and actions: test page, status, make default, remove. */
export function PrinterCard({ printer, onChanged }: Props) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState<'test' | 'status' | 'default' | null>(null);
  const [notice, setNotice] = useState<{ jobId: number } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [removing, setRemoving] = useState(false);

  const run = async (what: 'test' | 'status' | 'default', action: () => Promise<void>) => {
    setBusy(what);
    setError(null);
    setNotice(null);
    try {
      await action();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(null);
      onChanged();
    }
  };
  const testPage = () =>
    run('test', async () => {
      const created = await call('printers.test', { id: printer.id });
      setNotice({ jobId: created.jobId });
      if (created.printInBrowser) {
        await printPagesInBrowser(await call('print.pages', { jobId: created.jobId }));
        await call('print.markDone', { jobId: created.jobId });
      }
    });

  return (
    <li className="card printer-card" data-printer-id={printer.id} data-testid="printer-card">
      <header className="printer-card__head">
        <h2 className="card__title">
          <bdi>{printer.name}</bdi>
        </h2>
        {printer.isDefault && <span className="badge" data-testid="default-badge">{t('printers.default')}</span>}
      </header>
      <PrinterFacts printer={printer} />
      <div className="form__actions">
        <button type="button" className="button" data-testid="printer-test" disabled={busy !== null} onClick={testPage}>
          {busy === 'test' ? t('printers.actions.testing') : t('printers.actions.test')}
        </button>
        <button
          type="button"
          className="button"
          data-testid="printer-status"
          disabled={busy !== null}
          onClick={() => run('status', async () => void (await call('printers.status', { id: printer.id })))}
        >
          {busy === 'status' ? t('printers.actions.checking') : t('printers.actions.status')}
        </button>
        {!printer.isDefault && (
          <button
            type="button"
            className="button"
            data-testid="printer-default"
            disabled={busy !== null}
            onClick={() => run('default', async () => void (await call('printers.setDefault', { id: printer.id })))}
          >
            {t('printers.actions.makeDefault')}
          </button>
        )}
        <button type="button" className="button button--danger" data-testid="printer-remove" disabled={busy !== null} onClick={() => setRemoving(true)}>
          {t('printers.actions.remove')}
        </button>
      </div>
      {notice && (
        <p className="status-line" role="status" data-testid="printer-notice">
          {t('printers.testSent', { id: notice.jobId })} <a href="#/printers?tab=jobs">{t('printers.print.openJobs')}</a>
        </p>
      )}
      {error !== null && <ErrorNotice error={error} />}
      {removing && (
        <RemovePrinterDialog
          printer={printer}
          onClose={() => setRemoving(false)}
          onRemoved={() => {
            setRemoving(false);
            onChanged();
          }}
        />
      )}
    </li>
  );
}
