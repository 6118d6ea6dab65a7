import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatRedeemCode } from '../../../shared/domain/redeem-code';
import { useSettings } from '../../app/SettingsContext';
import { Dialog } from '../../components/Dialog';
import { ErrorNotice } from '../../components/ErrorNotice';
import { FormField } from '../../components/FormField';
import { PrintButton } from '../../components/print/PrintButton';
import { call } from '../../lib/api';
import { downloadBase64, svgDataUrl } from '../../lib/file-base64';
import { formatDateTime } from '../../lib/format';
import { useApiQuery } from '../../lib/use-api-query';

interface Props {
  id: number;
  onClose(): void;
  onChanged(): void;
}

/** One voucher: its QR code and barcode, status, history, re-download, and Void with a required reason. */
export function VoucherDetailsDialog({ id, onClose, onChanged }: Props) {
  const { t } = useTranslation();
  const { settings } = useSettings();
  const [version, setVersion] = useState(0);
  const { data: voucher, error } = useApiQuery('vouchers.get', { id }, `${id}:${version}`);
  const [voiding, setVoiding] = useState(false);
  const [reason, setReason] = useState('');
  const [actionError, setActionError] = useState<unknown>(null);

  const download = async (format: 'pdf' | 'png') => {
    try {
      const file = await call('vouchers.render', { id, format });
      downloadBase64(file.fileName, file.base64, file.mime);
    } catch (e) {
      setActionError(e);
    }
  };
  const confirmVoid = async () => {
    try {
      await call('vouchers.void', { id, reason });
      setVoiding(false);
      setVersion((v) => v + 1);
      onChanged();
    } catch (e) {
      setActionError(e);
    }
  };

  return (
    <Dialog title={t('vouchers.details.title', { id })} onClose={onClose} wide actions={<button type="button" className="button" onClick={onClose}>{t('vouchers.details.close')}</button>}>
      {error !== null && <ErrorNotice error={error} />}
      {voucher && settings && (
        <div className="voucher-details">
          <div className="voucher-details__codes">
            <img src={svgDataUrl(voucher.qrSvg)} alt={t('issue.code.qr')} width={160} height={160} data-testid="voucher-qr" />
            <img src={svgDataUrl(voucher.barcodeSvg)} alt={t('issue.code.barcode')} className="code-preview__bars" />
            {voucher.redeemCode && (
              <div className="mono code-preview__text" dir="ltr">
                {formatRedeemCode(voucher.redeemCode)}
              </div>
            )}
          </div>
          <dl className="facts">
            <dt>{t('vouchers.columns.title')}</dt>
            <dd>
              <bdi>{voucher.title}</bdi>
            </dd>
            {voucher.description && (
              <>
                <dt>{t('vouchers.details.description')}</dt>
                <dd className="pre-line">
                  <bdi>{voucher.description}</bdi>
                </dd>
              </>
            )}
            <dt>{t('vouchers.columns.status')}</dt>
            <dd>
              <span className={`status status--${voucher.status}`} data-testid="voucher-status">
                {t(`vouchers.status.${voucher.status}`)}
              </span>
            </dd>
            {voucher.customerName && (
              <>
                <dt>{t('vouchers.columns.customer')}</dt>
                <dd>
                  #{voucher.cardId} <bdi>{voucher.customerName}</bdi>
                </dd>
              </>
            )}
            <dt>{t('vouchers.columns.issued')}</dt>
            <dd>{formatDateTime(voucher.issuedAt, settings)}</dd>
            <dt>{t('vouchers.columns.expires')}</dt>
            <dd>{voucher.expiresAt === null ? t('vouchers.never') : formatDateTime(voucher.expiresAt - 1, settings)}</dd>
            {voucher.redeemedAt !== null && (
              <>
                <dt>{t('vouchers.details.redeemed')}</dt>
                <dd>
                  {formatDateTime(voucher.redeemedAt, settings)} · <bdi>{voucher.redeemedBy}</bdi>
                </dd>
              </>
            )}
            {voucher.voidReason && (
              <>
                <dt>{t('vouchers.details.voidReason')}</dt>
                <dd>
                  <bdi>{voucher.voidReason}</bdi>
                </dd>
              </>
            )}
          </dl>
          <div className="form__actions">
            <button type="button" className="button" onClick={() => download('pdf')}>
              {t('issue.result.pdf')}
            </button>
            <button type="button" className="button" onClick={() => download('png')}>
              {t('issue.result.png')}
            </button>
            <PrintButton target={{ voucherId: voucher.id }} title={voucher.title} status={voucher.status} />
            {voucher.status === 'active' && !voiding && (
              <button type="button" className="button button--danger" data-testid="void-button" onClick={() => setVoiding(true)}>
                {t('vouchers.details.void')}
              </button>
            )}
          </div>
          {voiding && (
            <div className="void-box">
              <FormField label={t('vouchers.details.reason')}>
                <input className="input" value={reason} maxLength={200} onChange={(e) => setReason(e.target.value)} autoFocus />
              </FormField>
              <div className="form__actions">
                <button type="button" className="button" onClick={() => setVoiding(false)}>
                  {t('vouchers.details.keep')}
                </button>
                <button type="button" className="button button--danger" disabled={!reason.trim()} onClick={confirmVoid}>
                  {t('vouchers.details.confirmVoid', { id })}
                </button>
              </div>
            </div>
          )}
          {actionError !== null && <ErrorNotice error={actionError} />}
          <h3>{t('vouchers.details.history')}</h3>
          <ol className="history__list">
            {voucher.history.map((e) => (
              <li key={e.id} className="history__item">
                <span className="history__type">{t(`events.types.${e.type}`)}</span>
                <span className="history__meta muted">
                  {formatDateTime(e.at, settings)} · <bdi>{e.seat}</bdi>
                  {typeof e.data?.reason === 'string' && (
                    <>
                      {' — '}
                      <bdi>{e.data.reason}</bdi>
                    </>
                  )}
                </span>
              </li>
            ))}
          </ol>
        </div>
      )}
    </Dialog>
  );
}
