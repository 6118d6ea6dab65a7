import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { IssuedReward, ScanResult, ScanStatus } from '../../../shared/schemas/scan';
import { useSettings } from '../../app/SettingsContext';
import { ErrorNotice } from '../../components/ErrorNotice';
import { PageHeader } from '../../components/PageHeader';
import { call } from '../../lib/api';
import { formatDateTime } from '../../lib/format';
import { PauseBanner } from './PauseBanner';
import { PauseHistory } from './PauseHistory';
import { ScannedCard } from './ScannedCard';
import { useScanStatus } from './use-scan-status';
import { VoucherOutcome } from './VoucherOutcome';

/** A scan's answer, with when it was shown (the card's cooldown counts from there) and a number per scan. */
interface Shown {
  result: ScanResult;
  at: number;
  scan: number;
}

/**
 * Scan & Redeem: one always-focused field for a keyboard-wedge scanner or typing. A voucher is redeemed
 * at once and the outcome is shown big; a card is shown with an Add stamp button (cooldown respected), and a
 * reward the stamp issues can be redeemed on the spot. While scanning is paused (too many unknown codes) a
 * banner says so and lets a person end the pause; the latest pauses are listed below.
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
  const scanStatus = useScanStatus();

  useEffect(() => field.current?.focus(), [shown]);
  const show = (result: ScanResult) => {
    setShown({ result, at: Date.now(), scan: ++scans.current });
    if (result.kind === 'voucher' && (result.result.outcome === 'locked' || result.result.lockedUntil)) void scanStatus.refresh();
  };

  // Scans are sent one after another, in the order they were made; the field is emptied as each is sent,
  // so the next scan starts clean even while the previous one is still being answered.
  const queue = useRef<Promise<void>>(Promise.resolve());
  const submit = (text: string, voucherId?: number) => {
    if (!text.trim()) return;
    queue.current = queue.current.then(async () => {
      setBusy(true);
      setError(null);
      try {
        show(await call('scan.submit', { input: text, voucherId }));
        setLastInput(text);
      } catch (e) {
        setError(e);
      } finally {
        setBusy(false);
      }
    });
  };

  // Enter sends the field from its keydown (not by the form's implicit submission, which a disabled button
  // would block). A Korean IME composes jamo into syllables: a scanner's Enter that arrives while a
  // syllable is still being composed goes to the IME (keydown with isComposing, keyCode 229), and Chromium
  // commits the syllable without a submission (Windows) or commits it and then sends a second, plain Enter
  // (macOS). Such an Enter is remembered and the field is sent once the text is committed; sending empties
  // the field, so a second Enter finds nothing to send.
  const composing = useRef(false);
  const enterWhileComposing = useRef(false);
  const submitField = () => {
    enterWhileComposing.current = false;
    const text = field.current?.value ?? '';
    if (!text.trim()) return;
    setInput('');
    submit(text);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'Enter' && event.code !== 'Enter' && event.code !== 'NumpadEnter') return;
    if (composing.current) {
      enterWhileComposing.current = true; // the IME commits the syllable next: compositionend sends it
      return;
    }
    event.preventDefault();
    submitField();
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    submitField();
  };
  const addStamp = async (id: number) => {
    setError(null);
    try {
      const stamped = await call('cards.addStamp', { id });
      const { issuedRewards: _rewards, ...card } = stamped;
      setShown((previous) => ({
        result: { kind: 'card', card, stampWaitSeconds: settings?.scanCooldownSeconds ?? 0 },
        at: Date.now(),
        scan: previous?.scan ?? ++scans.current,
      }));
      return stamped;
    } catch (e) {
      void scanStatus.refresh(); // a refusal may come from a pause that began elsewhere
      throw e;
    }
  };
  // the reward just issued, redeemed at this seat and recorded like any redemption
  const redeemReward = async (reward: IssuedReward) => {
    setError(null);
    try {
      show({ kind: 'voucher', result: await call('vouchers.redeem', { input: reward.token, voucherId: reward.voucherId }) });
    } catch (e) {
      setError(e);
    }
  };

  // a pause ended by hand: the answer that said "paused" is stale
  const pauseChanged = (status: ScanStatus | null) => {
    if (!status) return void scanStatus.refresh();
    scanStatus.setStatus(status);
    if (!status.pause) setShown((previous) => (previous?.result.kind === 'voucher' && previous.result.result.lockedUntil ? null : previous));
  };

  const when = (instant: number | null | undefined) => (instant && settings ? formatDateTime(instant, settings) : '');
  const result = shown?.result;
  const pause = scanStatus.status?.pause;
  // when the banner (and its confirmation) go, the field takes the scanner's keys again
  const pauseId = pause?.id;
  useEffect(() => {
    if (pauseId === undefined) field.current?.focus();
  }, [pauseId]);
  return (
    <>
      <PageHeader title={t('scan.title')} subtitle={t('scan.subtitle', { seat: settings?.seatName ?? '' })} />
      {pause && (
        <PauseBanner
          key={pause.id}
          pause={pause}
          seat={settings?.seatName ?? ''}
          when={when}
          onChanged={pauseChanged}
        />
      )}
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
          onKeyDown={onKeyDown}
          onCompositionStart={() => (composing.current = true)}
          onCompositionEnd={() => {
            composing.current = false;
            if (enterWhileComposing.current) submitField();
          }}
          onBlur={() => setTimeout(() => !document.querySelector('dialog[open]') && field.current?.focus(), 100)}
        />
        <button type="submit" className="button button--primary" disabled={busy}>
          {t('scan.submit')}
        </button>
      </form>
      {error !== null && <ErrorNotice error={error} />}
      {result?.kind === 'voucher' && <VoucherOutcome result={result.result} when={when} onPick={(id) => submit(lastInput, id)} />}
      {result?.kind === 'card' && (
        <ScannedCard
          key={shown!.scan}
          card={result.card}
          stampWaitSeconds={result.stampWaitSeconds}
          shownAt={shown!.at}
          lastStamp={when(result.card.lastStampAt)}
          onAddStamp={addStamp}
          onRedeemReward={(reward) => void redeemReward(reward)}
          onError={setError}
        />
      )}
      <PauseHistory pauses={scanStatus.status?.recent ?? []} when={when} />
    </>
  );
}
