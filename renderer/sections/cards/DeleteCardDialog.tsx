import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CardDetails } from '../../../shared/schemas/cards';
import { Dialog } from '../../components/Dialog';
import { ErrorNotice } from '../../components/ErrorNotice';
import { call } from '../../lib/api';

interface Props {
  card: CardDetails;
  onClose(): void;
  onDeleted(): void;
}

/** Confirmation that names the card. Deleting hides it from the list; the row stays for audit. */
export function DeleteCardDialog({ card, onClose, onDeleted }: Props) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const confirm = async () => {
    setBusy(true);
    try {
      await call('cards.delete', { id: card.id });
      onDeleted();
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  };
  return (
    <Dialog
      title={t('cards.delete.title', { id: card.id, name: card.name })}
      onClose={onClose}
      actions={
        <>
          <button type="button" className="button" onClick={onClose} autoFocus>
            {t('cards.delete.cancel')}
          </button>
          <button type="button" className="button button--danger" disabled={busy} onClick={confirm}>
            {t('cards.delete.confirm', { id: card.id })}
          </button>
        </>
      }
    >
      <p>{t('cards.delete.body', { id: card.id, name: card.name })}</p>
      {error !== null && <ErrorNotice error={error} />}
    </Dialog>
  );
}
