import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CardDetails } from '../../../shared/schemas/cards';
import type { IssuedReward, StampResult } from '../../../shared/schemas/scan';
import { ProgressBar } from '../../components/ProgressBar';
import { ApiCallError } from '../../lib/api-error';
import { errorText } from '../../lib/error-text';

interface ScannedCardProps {
  card: CardDetails;
  /** Seconds until the cooldown lets this card take another stamp, as of `shownAt`. */
  stampWaitSeconds: number;
  shownAt: number;
  lastStamp: string;
  onAddStamp: (id: number) => Promise<StampResult>;
  /** Redeems a reward the stamp just issued, here and now. */
  onRedeemReward: (reward: IssuedReward) => void;
  onError: (error: unknown) => void;
}

/**
 * A scanned card: its progress and an Add stamp button that stays off while the cooldown runs (with a
 * live countdown). The stamp that completes the card issues its reward, shown here with a button to redeem
 * it on the spot. A refusal from the main process is shown here, in the card.
 */
export function ScannedCard({ card, stampWaitSeconds, shownAt, lastStamp, onAddStamp, onRedeemReward, onError }: ScannedCardProps) {
  const { t } = useTranslation();
  const [notice, setNotice] = useState<{ text: string; tone: 'ok' | 'warn' } | null>(null);
  const [rewards, setRewards] = useState<IssuedReward[]>([]);
  const [busy, setBusy] = useState(false);
  const wait = useCountdown(shownAt + stampWaitSeconds * 1000);
  // a card left full before rewards were issued: its next stamp issues the reward
  const full = card.stamps >= card.goal;

  const addStamp = async () => {
    setBusy(true);
    try {
      const updated = await onAddStamp(card.id);
      setRewards(updated.issuedRewards);
      setNotice({ text: t('scan.stampAdded', { stamps: updated.stamps, goal: updated.goal }), tone: 'ok' });
    } catch (e) {
      if (e instanceof ApiCallError && e.code === 'conflict') setNotice({ text: errorText(e, t), tone: 'warn' });
      else onError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="outcome outcome--card" role="status" data-outcome="card">
      <h2 className="outcome__title">
        #{card.id} - <bdi>{card.name}</bdi>
      </h2>
      <ProgressBar stamps={card.stamps} goal={card.goal} label={t('cards.panel.progress')} />
      <p className="muted">{t('scan.lastStamp', { when: lastStamp || '—' })}</p>
      <button type="button" className="button button--primary" disabled={busy || wait > 0} onClick={() => void addStamp()}>
        {t('scan.addStamp')}
      </button>
      {notice && <p className={`outcome__note outcome__note--${notice.tone}`}>{notice.text}</p>}
      {rewards.map((reward) => (
        <div key={reward.voucherId} className="reward-issued" data-testid="reward-issued">
          <strong>{t('scan.reward.issued', { title: reward.title })}</strong>
          <button type="button" className="button button--primary" onClick={() => onRedeemReward(reward)}>
            {t('scan.reward.redeemNow')}
          </button>
        </div>
      ))}
      {rewards.length > 0 && <p className="muted">{t('scan.reward.hint')}</p>}
      {full ? (
        <p className="muted">{t('scan.cardFull', { goal: card.goal })}</p>
      ) : (
        wait > 0 && (
          <p className="muted" data-testid="stamp-cooldown">
            {t('scan.cooldown', { seconds: wait })}
          </p>
        )
      )}
    </section>
  );
}

/** Whole seconds left until `until`, ticking down while there are any. */
function useCountdown(until: number): number {
  const [seconds, setSeconds] = useState(() => secondsUntil(until));
  useEffect(() => {
    setSeconds(secondsUntil(until));
    const timer = setInterval(() => {
      const left = secondsUntil(until);
      setSeconds(left);
      if (left === 0) clearInterval(timer);
    }, 250);
    return () => clearInterval(timer);
  }, [until]);
  return seconds;
}

function secondsUntil(until: number): number {
  return Math.max(0, Math.ceil((until - Date.now()) / 1000));
}
