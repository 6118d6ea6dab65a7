import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Printer } from '../../../shared/schemas/printing';
import { Dialog } from '../../components/Dialog';
import { ErrorNotice } from '../../components/ErrorNotice';
import { call } from '../../lib/api';

interface Props {
  printer: Printer;
  onClose(): void;
  onRemoved(): void;
}

/** Remove a printer, after saying what happens to its jobs. */
export function RemovePrinterDialog({ printer, onClose, onRemoved }: Props) {
  const { t } = useTranslation();
  const [error, setError] = useState<unknown>(null);
  const remove = async () => {
    try {
      await call('printers.remove', { id: printer.id });
      onRemoved();
    } catch (e) {
      setError(e);
    }
  };
  return (
    <Dialog
      title={t('printers.remove.title')}
      onClose={onClose}
      actions={
        <>
          <button type="button" className="button" onClick={onClose}>
            {t('printers.remove.keep')}
          </button>
          <button type="button" className="button button--danger" data-testid="confirm-remove" onClick={remove}>
            {t('printers.remove.confirm')}
          </button>
        </>
      }
    >
      <p>
        <strong>
          <bdi data-testid="remove-printer-name">{printer.name}</bdi>
        </strong>
      </p>
      <p>{t('printers.remove.body')}</p>
      {error !== null && <ErrorNotice error={error} />}
    </Dialog>
  );
}
