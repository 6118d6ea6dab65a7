import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatRedeemCode } from '../../../shared/domain/redeem-code';
import type { ScanResult } from '../../../shared/schemas/scan';
import { useSettings } from '../../app/SettingsContext';
import { ErrorNotice } from '../../components/ErrorNotice';
import { PageHeader } from '../../components/PageHeader';
import { ProgressBar } from '../../components/ProgressBar';
import { call } from '../../lib/api';
import { formatDateTime } from '../../lib/format';

const TONE: Record<string, 'ok' | 'warn' | 'bad'> = {
  redeemed: 'ok',
  already_redeemed: 'warn',
  ambiguous: 'warn',
  invalid_check: 'warn',
  expired: 'bad',
  voided: 'bad',
  unknown: 'bad',
  locked: 'bad',
};

/**
 * Scan & Redeem: one always-focused field for a keyboard-wedge scanner or typing. A voucher is redeemed
 * at once and the outcome is shown big; a card is shown with an Add stamp button (cooldown respected).
 */
export function ScanPage() {
  const { t } = useTranslation();
  const { settings } = useSettings();
  const field = useRef<HTMLInputElement>(null);
  const [input, setInput] = useState('');
  const [lastInput, setLastInput] = useState('');
  const [result, setResult] = useState<ScanResult | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [stampNotice, setStampNotice] = useState<string | null>(null);

  useEffect(() => field.current?.focus(), [result]);

  const submit = async (text: string, voucherId?: number) => {
    if (!text.trim() || busy) return;
    setBusy(true);
    setError(null);
    setStampNotice(null);
    try {
      setResult(await call('scan.submit', { input: text, voucherId }));
      setLastInput(text);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
      setInput('');
    }
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void submit(input);
  };
  const addStamp = async (id: number) => {
    setError(null);
    try {
      const card = await call('cards.addStamp', { id });
      setResult({ kind: 'card', card, stampWaitSeconds: settings?.scanCooldownSeconds ?? 0 });
      setStampNotice(t('scan.stampAdded', { stamps: card.stamps, goal: card.goal }));
    } catch (e) {
      setError(e);
    }
  };

  const voucherResult = result?.kind === 'voucher' ? result.result : null;
  const when = (t0: number | null | undefined) => (t0 && settings ? formatDateTime(t0, settings) : '');
  return (
    <>
      <PageHeader title={t('scan.title')} subtitle={t('scan.subtitle', { seat: settings?.seatName ?? '' })} />
      <form className="scan-form" onSubmit={onSubmit}>
        <input
          ref={field}
          className="input scan-form__input"
          aria-label={t('scan.label')}
          placeholder={t('scan.placeholder')}
          value={input}
          autoComplete="off"
          spellCheck={false}
          onChange={(e) => setInput(e.target.value)}
          onBlur={() => setTimeout(() => !document.querySelector('dialog[open]') && field.current?.focus(), 100)}
        />
        <button type="submit" className="button button--primary" disabled={busy}>
          {t('scan.submit')}
        </button>
      </form>
      {error !== null && <ErrorNotice error={error} />}
      {voucherResult && (
        <section className={`outcome outcome--${TONE[voucherResult.outcome]}`} role="status" aria-live="assertive" data-outcome={voucherResult.outcome}>
          <h2 className="outcome__title">{t(`scan.outcome.${voucherResult.outcome}`)}</h2>
          {voucherResult.voucher && (
            <p className="outcome__voucher">
              <bdi>{voucherResult.voucher.title}</bdi>
              {voucherResult.voucher.redeemCode && <span className="mono"> · {formatRedeemCode(voucherResult.voucher.redeemCode)}</span>}
            </p>
          )}
          {voucherResult.outcome === 'already_redeemed' && voucherResult.voucher && (
            <p>{t('scan.detail.alreadyRedeemed', { when: when(voucherResult.voucher.redeemedAt), seat: voucherResult.voucher.redeemedBy })}</p>
          )}
          {voucherResult.outcome === 'expired' && voucherResult.voucher && (
            <p>{t('scan.detail.expired', { when: when((voucherResult.voucher.expiresAt ?? 1) - 1) })}</p>
          )}
          {voucherResult.outcome === 'voided' && voucherResult.voucher && <p>{t('scan.detail.voided', { reason: voucherResult.voucher.voidReason ?? '' })}</p>}
          {voucherResult.outcome === 'invalid_check' && <p>{t('scan.detail.invalidCheck')}</p>}
          {voucherResult.outcome === 'unknown' && <p>{t('scan.detail.unknown')}</p>}
          {voucherResult.lockedUntil && <p>{t('scan.detail.locked', { when: when(voucherResult.lockedUntil) })}</p>}
          {voucherResult.outcome === 'ambiguous' && (
            <>
              <p>{t('scan.detail.ambiguous')}</p>
              <ul className="candidates">
                {voucherResult.candidates?.map((c) => (
                  <li key={c.id}>
                    <button type="button" className="button" onClick={() => submit(lastInput, c.id)}>
                      #{c.id} <bdi>{c.title}</bdi>
                      {c.customerName ? <> · <bdi>{c.customerName}</bdi></> : null} · {c.expiresAt ? when(c.expiresAt - 1) : t('vouchers.never')}
                    </button>
                  </li>
                ))}
              </ul>
            </>
          )}
        </section>
      )}
      {result?.kind === 'card' && (
        <section className="outcome outcome--card" role="status" data-outcome="card">
          <h2 className="outcome__title">
            #{result.card.id} - <bdi>{result.card.name}</bdi>
          </h2>
          <ProgressBar stamps={result.card.stamps} goal={result.card.goal} label={t('cards.panel.progress')} />
          <p className="muted">{t('scan.lastStamp', { when: when(result.card.lastStampAt) || '—' })}</p>
          <button type="button" className="button button--primary" disabled={result.card.stamps >= result.card.goal} onClick={() => addStamp(result.card.id)}>
            {t('scan.addStamp')}
          </button>
          {result.stampWaitSeconds > 0 && !stampNotice && <p className="muted">{t('scan.cooldown', { seconds: result.stampWaitSeconds })}</p>}
          {stampNotice && <p>{stampNotice}</p>}
        </section>
      )}
    </>
  );
}
