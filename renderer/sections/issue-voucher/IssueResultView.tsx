import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatRedeemCode } from '../../../shared/domain/redeem-code';
import { MAX_PNG_SHEET, type IssueResult } from '../../../shared/schemas/vouchers';
import { ErrorNotice } from '../../components/ErrorNotice';
import { call } from '../../lib/api';
import { downloadText } from '../../lib/download';
import { downloadBase64 } from '../../lib/file-base64';
import type { PickedCard } from './CustomerPicker';
import { Ltr } from '../../components/Ltr';
import { PrintButton } from '../../components/print/PrintButton';

interface Props {
  issued: IssueResult;
  /** The voucher's title, named in the print dialog. */
  title: string;
  card: PickedCard | null;
  onAnother(): void;
}

const SHOWN = 20;

/** After GENERATE VOUCHER: where it went, or the codes with Download (PDF, PNG) and Export codes (CSV). */
export function IssueResultView({ issued, title, card, onAnother }: Props) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const count = issued.vouchers.length;
  const first = issued.vouchers[0]!;
  // a batch downloads as one PNG strip only up to the limit; the reason shows beside the disabled button
  const pngTooMany = count > MAX_PNG_SHEET;
  const pngLimitId = useId();
  const target = issued.batchId !== null ? { batchId: issued.batchId } : { id: first.id };

  const download = async (format: 'pdf' | 'png') => {
    setBusy(format);
    setError(null);
    try {
      const file = await call('vouchers.render', { ...target, format });
      downloadBase64(file.fileName, file.base64, file.mime);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(null);
    }
  };
  const exportCodes = async () => {
    setError(null);
    try {
      const file = await call('vouchers.exportCsv', target);
      downloadText(file.fileName, file.csv);
    } catch (e) {
      setError(e);
    }
  };

  return (
    <section className="card" aria-label={t('issue.result.title')} data-testid="issue-result">
      {card ? (
        <>
          <h2>{t('issue.result.toCard', { name: card.name, id: card.id })}</h2>
          <p>{t('issue.result.toCardBody')}</p>
          <dl className="facts" data-testid="issued-card-voucher">
            <dt>{t('issue.code.label')}</dt>
            <dd>
              {first.redeemCode ? (
                <Ltr className="mono code-preview__text" testId="issued-code">
                  {formatRedeemCode(first.redeemCode)}
                </Ltr>
              ) : (
                t('issue.result.noCode')
              )}
            </dd>
          </dl>
          <p>
            <a className="button" href={`#/cards?card=${card.id}`} data-testid="back-to-card">
              {t('issue.result.openCard', { id: card.id })}
            </a>
          </p>
        </>
      ) : (
        <>
          <h2>{t('issue.result.free', { count })}</h2>
          <ul className="codes" data-testid="issued-codes">
            {issued.vouchers.slice(0, SHOWN).map((v) => (
              <li key={v.id}>
                <Ltr className="mono">{v.redeemCode ? formatRedeemCode(v.redeemCode) : v.token}</Ltr>
              </li>
            ))}
          </ul>
          {count > SHOWN && <p className="muted">{t('issue.result.more', { count: count - SHOWN })}</p>}
        </>
      )}
      <div className="form__actions">
        <button type="button" className="button" disabled={busy !== null} onClick={() => download('pdf')}>
          {busy === 'pdf' ? t('issue.result.preparing') : count > 1 ? t('issue.result.pdfSheet') : t('issue.result.pdf')}
        </button>
        <button type="button" className="button" disabled={busy !== null || pngTooMany} aria-describedby={pngTooMany ? pngLimitId : undefined} onClick={() => download('png')}>
          {busy === 'png' ? t('issue.result.preparing') : t('issue.result.png')}
        </button>
        <PrintButton target={issued.batchId !== null ? { batchId: issued.batchId, size: count } : { voucherId: first.id }} title={title} />
        {!card && (
          <button type="button" className="button" onClick={exportCodes}>
            {t('issue.result.csv')}
          </button>
        )}
        <button type="button" className="button button--primary" onClick={onAnother}>
          {t('issue.result.another')}
        </button>
      </div>
      {pngTooMany && (
        <p className="muted small" id={pngLimitId} data-testid="png-limit">
          {t('issue.result.pngLimit', { max: MAX_PNG_SHEET })}
        </p>
      )}
      {error !== null && <ErrorNotice error={error} />}
    </section>
  );
}
