import { useTranslation } from 'react-i18next';
import type { Printer } from '../../../shared/schemas/printing';
import { useSettings } from '../../app/SettingsContext';
import { Ltr } from '../../components/Ltr';
import { reasonText } from '../../components/print/reason-text';
import { formatDateTime } from '../../lib/format';
import { LANGUAGE_KEYS } from './printer-labels';

/** A printer's facts: where it is, its paper and dots, its command language, and its status. */
export function PrinterFacts({ printer }: { printer: Printer }) {
  const { t } = useTranslation();
  const { settings } = useSettings();
  if (!settings) return null;
  const status = printer.status;
  return (
    <dl className="facts printer-card__facts">
      <dt>{t('printers.fields.kind')}</dt>
      <dd>{t(`printers.kind.${printer.kind}`)}</dd>
      {printer.kind === 'network' ? (
        <>
          <dt>{t('printers.fields.address')}</dt>
          <dd>
            <Ltr className="mono" testId="printer-address">{`${printer.host ?? ''}:${printer.port ?? ''}`}</Ltr>
          </dd>
          <dt>{t('printers.fields.language')}</dt>
          <dd>{t(LANGUAGE_KEYS[printer.language])}</dd>
        </>
      ) : (
        <>
          <dt>{t('printers.fields.systemName')}</dt>
          <dd>{printer.systemName ? <bdi>{printer.systemName}</bdi> : t('printers.systemChosenInDialog')}</dd>
        </>
      )}
      <dt>{t('printers.fields.paper')}</dt>
      <dd>{t('printers.paperDots', { width: printer.paperWidth, dots: printer.dots })}</dd>
      <dt>{t('printers.fields.status')}</dt>
      <dd data-testid="printer-state" data-state={status?.state ?? 'unknown'}>
        {status ? (
          <span className="printer-status">
            <span className={`status status--printer-${status.state}`}>{t(`printers.state.${status.state}`)}</span>
            {status.reason && <span>{reasonText(status.reason, t)}</span>}
            <span className="muted">{t('printers.checkedAt', { when: formatDateTime(status.checkedAt, settings) })}</span>
          </span>
        ) : (
          <span className="muted">{t('printers.notChecked')}</span>
        )}
      </dd>
      <dt>{t('printers.fields.lastSuccess')}</dt>
      <dd data-testid="printer-last-success">{printer.lastSuccessAt === null ? t('printers.never') : formatDateTime(printer.lastSuccessAt, settings)}</dd>
      {printer.lastError && (
        <>
          <dt>{t('printers.fields.lastError')}</dt>
          <dd data-testid="printer-last-error">
            <span>{reasonText(printer.lastError, t)}</span> <span className="muted">{formatDateTime(printer.lastError.at, settings)}</span>
          </dd>
        </>
      )}
    </dl>
  );
}
