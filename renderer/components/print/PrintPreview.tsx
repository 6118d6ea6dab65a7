import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../ErrorNotice';
import { useApiQuery } from '../../lib/use-api-query';
import { printedMm } from '../../../shared/schemas/printing';

interface Props {
  voucherId: number;
  printerId: number;
}

/** The exact raster the printer gets, one PNG pixel per printer dot, shown as wide as it prints (576 dots: 72 mm). */
export function PrintPreview({ voucherId, printerId }: Props) {
  const { t } = useTranslation();
  const { data, error } = useApiQuery('print.preview', { voucherId, printerId }, `${voucherId}:${printerId}`);
  return (
    <figure className="print-preview" data-testid="print-preview">
      {error !== null && <ErrorNotice error={error} />}
      {data ? (
        <img
          src={`data:${data.mime};base64,${data.base64}`}
          alt={t('printers.print.previewAlt')}
          width={data.width}
          height={data.height}
          style={{ inlineSize: `${printedMm(data.width)}mm`, blockSize: 'auto' }}
          data-testid="print-preview-image"
        />
      ) : (
        error === null && <p className="muted">{t('printers.print.previewLoading')}</p>
      )}
      <figcaption className="muted small">{t('printers.print.previewCaption')}</figcaption>
    </figure>
  );
}
