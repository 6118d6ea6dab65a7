import type { Printer } from '../../../shared/schemas/printing';
import { ErrorNotice } from '../../components/ErrorNotice';
import type { ApiQuery } from '../../lib/use-api-query';
import { EmptyPrinters } from './EmptyPrinters';
import { PrinterCard } from './PrinterCard';

interface Props {
  query: ApiQuery<Printer[]>;
  onChanged(): void;
  onAdd(): void;
}

/** The shop's printers, the default first as the core lists them; an explanation while there is none. */
export function PrinterList({ query, onChanged, onAdd }: Props) {
  const { data, error, reload } = query;
  if (error !== null && !data) return <ErrorNotice error={error} onRetry={reload} />;
  if (!data) return null;
  if (data.length === 0) return <EmptyPrinters onAdd={onAdd} />;
  return (
    <ul className="printer-list" data-testid="printer-list">
      {data.map((printer) => (
        <PrinterCard key={printer.id} printer={printer} onChanged={onChanged} />
      ))}
    </ul>
  );
}
