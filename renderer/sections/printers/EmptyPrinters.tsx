import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../components/EmptyState';

/** No printer yet: what a receipt printer is, and the virtual printer to try printing without one. */
export function EmptyPrinters({ onAdd }: { onAdd(): void }) {
  const { t } = useTranslation();
  return (
    <EmptyState
      title={t('printers.empty.title')}
      action={
        <button type="button" className="button button--primary" onClick={onAdd}>
          {t('printers.add')}
        </button>
      }
    >
      <p>{t('printers.empty.body')}</p>
      <p>{t('printers.empty.virtual')}</p>
    </EmptyState>
  );
}
