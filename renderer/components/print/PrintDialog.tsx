import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_COPIES } from '../../../shared/schemas/printing';
import type { VoucherStatus } from '../../../shared/schemas/vouchers';
import { Dialog } from '../Dialog';
import { ErrorNotice } from '../ErrorNotice';
import { FormField } from '../FormField';
import { NumberField } from '../NumberField';
import { call } from '../../lib/api';
import { fieldErrorText } from '../../lib/error-text';
import { useApiQuery } from '../../lib/use-api-query';
import { PrintPreview } from './PrintPreview';
import { PrintProgress } from './PrintProgress';
import { printPagesInBrowser } from './print-in-browser';

/** What to print: one voucher, or a batch (all of it or a range of its coupons). */
export type PrintTarget = { voucherId: number } | { batchId: number; size: number };

interface Props {
  target: PrintTarget;
  /** The voucher's or batch's title, shown at the top. */
  title: string;
  onClose(): void;
}

/**
 * Print: the printer (the default one chosen), copies 1–50, for a batch all or a range, the preview of a single
 * coupon, then the job's progress. A system printer in the browser host prints through the browser's dialog.
 */
export function PrintDialog({ target, title, onClose }: Props) {
  const { t } = useTranslation();
  const { data: printers, error: listError } = useApiQuery('printers.list', {});
  const [picked, setPicked] = useState<number | null>(null);
  const [copies, setCopies] = useState<number | null>(1);
  const [whole, setWhole] = useState(true);
  const [from, setFrom] = useState<number | null>(1);
  const [to, setTo] = useState<number | null>('size' in target ? target.size : 1);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [jobId, setJobId] = useState<number | null>(null);

  // a single voucher prints only while it can be redeemed (the card's history does not know its status)
  const [status, setStatus] = useState<VoucherStatus | null>(null);
  const voucherId = 'voucherId' in target ? target.voucherId : null;
  useEffect(() => {
    if (voucherId === null) return;
    let live = true;
    call('vouchers.get', { id: voucherId }).then(
      (v) => live && setStatus(v.status),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [voucherId]);
  const blocked = status !== null && status !== 'active';

  const printerId = picked ?? printers?.find((p) => p.isDefault)?.id ?? printers?.[0]?.id ?? null;
  const isBatch = 'batchId' in target;

  const print = async () => {
    if (printerId === null) return;
    setBusy(true);
    setError(null);
    try {
      const input = isBatch
        ? { batchId: target.batchId, printerId, copies: copies ?? Number.NaN, ...(whole ? {} : { from: from ?? Number.NaN, to: to ?? Number.NaN }) }
        : { voucherId: target.voucherId, printerId, copies: copies ?? Number.NaN };
      const created = await call('print.voucher', input);
      setJobId(created.jobId);
      if (created.printInBrowser) {
        await printPagesInBrowser(await call('print.pages', { jobId: created.jobId }));
        await call('print.markDone', { jobId: created.jobId });
      }
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const actions = (
    <>
      <button type="button" className="button" onClick={onClose}>
        {jobId === null ? t('printers.print.cancel') : t('printers.print.close')}
      </button>
      {jobId === null && printers && printers.length > 0 && !blocked && (
        <button type="button" className="button button--primary" data-testid="print-submit" disabled={busy || printerId === null} onClick={print}>
          {busy ? t('printers.print.sending') : t('printers.print.submit')}
        </button>
      )}
    </>
  );

  return (
    <Dialog title={t('printers.print.title')} onClose={onClose} actions={actions} wide={!isBatch}>
      <div className="print-dialog" data-testid="print-dialog">
        <p className="print-dialog__what">
          <bdi>{title}</bdi>
        </p>
        {listError !== null && <ErrorNotice error={listError} />}
        {blocked && (
          <p className="notice" data-testid="print-disabled-reason">
            {t(`printers.print.blocked.${status}`)}
          </p>
        )}
        {printers && printers.length === 0 && (
          <div className="notice" data-testid="print-no-printer">
            <p>{t('printers.print.noPrinter')}</p>
            <a className="button" href="#/printers" onClick={onClose}>
              {t('printers.print.openPrinters')}
            </a>
          </div>
        )}
        {printers && printers.length > 0 && jobId === null && !blocked && (
          <div className="print-dialog__body">
            <div className="print-dialog__fields">
              <FormField label={t('printers.print.printer')}>
                <select className="input" data-testid="print-printer" value={printerId ?? ''} onChange={(e) => setPicked(Number(e.target.value))}>
                  {printers.map((p) => (
                    <option key={p.id} value={p.id}>
                      {p.isDefault ? t('printers.print.defaultOption', { name: p.name }) : p.name}
                    </option>
                  ))}
                </select>
              </FormField>
              <FormField label={t('printers.print.copies')} hint={t('printers.print.copiesHint', { max: MAX_COPIES })} error={fieldErrorText(error, 'copies', t)}>
                <NumberField value={copies} onValueChange={setCopies} data-testid="print-copies" />
              </FormField>
              {isBatch && (
                <fieldset className="fieldset">
                  <legend>{t('printers.print.which')}</legend>
                  <label className="check-row">
                    <input type="radio" name="print-range" checked={whole} onChange={() => setWhole(true)} />
                    {t('printers.print.all', { count: target.size })}
                  </label>
                  <label className="check-row">
                    <input type="radio" name="print-range" data-testid="print-range" checked={!whole} onChange={() => setWhole(false)} />
                    {t('printers.print.range')}
                  </label>
                  {!whole && (
                    <div className="print-dialog__range">
                      <FormField label={t('printers.print.from')} error={fieldErrorText(error, 'from', t)}>
                        <NumberField value={from} onValueChange={setFrom} data-testid="print-from" />
                      </FormField>
                      <FormField label={t('printers.print.to')} error={fieldErrorText(error, 'to', t)}>
                        <NumberField value={to} onValueChange={setTo} data-testid="print-to" />
                      </FormField>
                    </div>
                  )}
                </fieldset>
              )}
            </div>
            {!isBatch && printerId !== null && <PrintPreview voucherId={target.voucherId} printerId={printerId} />}
          </div>
        )}
        {jobId !== null && <PrintProgress jobId={jobId} onOpenList={onClose} />}
        {error !== null && !fieldErrorText(error, 'copies', t) && !fieldErrorText(error, 'from', t) && !fieldErrorText(error, 'to', t) && <ErrorNotice error={error} />}
      </div>
    </Dialog>
  );
}
