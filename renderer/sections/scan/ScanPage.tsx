import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ScanResult } from '../../../shared/schemas/scan';
import { useSettings } from '../../app/SettingsContext';
import { ErrorNotice } from '../../components/ErrorNotice';
import { PageHeader } from '../../components/PageHeader';
import { call } from '../../lib/api';
import { formatDateTime } from '../../lib/format';
import { ScannedCard } from './ScannedCard';
import { VoucherOutcome } from './VoucherOutcome';

/** A scan's answer, with when it was shown (the card's cooldown counts from there) and a number per scan. */
interface Shown {
  result: ScanResult;
  at: number;
  scan: number;
}

/**
 * Scan & Redeem: one always-focused field for a keyboard-wedge scanner or typing. A voucher is redeemed
 * at once and the outcome is shown big; a card is shown with an Add stamp button (cooldown respected).
 */
export function ScanPage() {
  const { t } = useTranslation();
  const { settings } = useSettings();
  const field = useRef<HTMLInputElement>(null);
  const scans = useRef(0);
  const [input, setInput] = useState('');
  const [lastInput, setLastInput] = useState('');
  const [shown, setShown] = useState<Shown | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => field.current?.focus(), [shown]);

  const submit = async (text: string, voucherId?: number) => {
    if (!text.trim() || busy) return;
    setBusy(true);
    setError(null);
    try {
      const result = await call('scan.submit', { input: text, voucherId });
      setShown({ result, at: Date.now(), scan: ++scans.current });
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
    const card = await call('cards.addStamp', { id });
    setShown((previous) => ({
      result: { kind: 'card', card, stampWaitSeconds: settings?.scanCooldownSeconds ?? 0 },
      at: Date.now(),
      scan: previous?.scan ?? ++scans.current,
    }));
    return card;
  };

  const when = (instant: number | null | undefined) => (instant && settings ? formatDateTime(instant, settings) : '');
  const result = shown?.result;
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
      {result?.kind === 'voucher' && <VoucherOutcome result={result.result} when={when} onPick={(id) => void submit(lastInput, id)} />}
      {result?.kind === 'card' && (
        <ScannedCard
          key={shown!.scan}
          card={result.card}
          stampWaitSeconds={result.stampWaitSeconds}
          shownAt={shown!.at}
          lastStamp={when(result.card.lastStampAt)}
          onAddStamp={addStamp}
          onError={setError}
        />
      )}
    </>
  );
}
