import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ADJUST_REASON_MAX, type CardDetails } from '../../../shared/schemas/cards';
import { Dialog } from '../../components/Dialog';
import { ErrorNotice } from '../../components/ErrorNotice';
import { FormField } from '../../components/FormField';
import { call } from '../../lib/api';
import { ApiCallError } from '../../lib/api-error';
import { fieldErrorText } from '../../lib/error-text';
import { NumberField } from '../../components/NumberField';

interface Props {
  card: CardDetails;
  onClose(): void;
  onDone(): void;
}

/**
 * Add or remove stamps, with a required reason; never below zero. Stamps that reach the goal issue the card's
 * rewards and start its next round: the dialog says so before it is sent.
 */
export function AdjustStampsDialog({ card, onClose, onDone }: Props) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<'add' | 'remove'>('add');
  const [count, setCount] = useState<number | null>(1);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const n = count ?? 0;
  const localError =
    count === null || n < 1
      ? t('cards.adjust.wholeNumber')
      : mode === 'remove' && n > card.stamps
        ? t('cards.adjust.tooMany', { stamps: card.stamps })
        : null;
  const completes = mode === 'add' && localError === null && card.stamps + n >= card.goal;
  const fieldError = (field: string) => fieldErrorText(error, field, t);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (localError || !reason.trim()) return;
    setBusy(true);
    try {
      await call('cards.adjustStamps', { id: card.id, delta: mode === 'add' ? n : -n, reason: reason.trim() });
      onDone();
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  };

  return (
    <Dialog title={t('cards.adjust.title', { id: card.id })} onClose={onClose}>
      <form className="form" onSubmit={submit} noValidate>
        <p className="muted">{t('cards.adjust.now', { stamps: card.stamps, goal: card.goal })}</p>
        <div className="segmented" role="radiogroup" aria-label={t('cards.adjust.mode')}>
          {(['add', 'remove'] as const).map((m) => (
            <label key={m} className={`segmented__option${mode === m ? ' segmented__option--on' : ''}`}>
              <input type="radio" name="mode" value={m} checked={mode === m} onChange={() => setMode(m)} />
              {t(`cards.adjust.${m}`)}
            </label>
          ))}
        </div>
        <FormField
          label={t('cards.adjust.count')}
          hint={completes ? <span data-testid="adjust-completes">{t('cards.adjust.completes', { count: (card.stamps + n) % card.goal })}</span> : undefined}
          error={localError ?? fieldError('delta')}
        >
          <NumberField value={count} onValueChange={setCount} />
        </FormField>
        <FormField label={t('cards.adjust.reason')} hint={t('cards.adjust.reasonHint')} error={fieldError('reason')}>
          <input className="input" value={reason} maxLength={ADJUST_REASON_MAX} required onChange={(e) => setReason(e.target.value)} />
        </FormField>
        {error !== null && !(error instanceof ApiCallError && error.field) && <ErrorNotice error={error} />}
        <div className="dialog__actions">
          <button type="button" className="button" onClick={onClose}>
            {t('cards.adjust.cancel')}
          </button>
          <button type="submit" className="button button--primary" disabled={busy || localError !== null || !reason.trim()}>
            {mode === 'add' ? t('cards.adjust.submitAdd', { count: n || 0 }) : t('cards.adjust.submitRemove', { count: n || 0 })}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
