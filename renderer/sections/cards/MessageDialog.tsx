import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isInWallet } from '../../../shared/domain/platforms';
import { EMAIL_BODY_MAX, EMAIL_SUBJECT_MAX, PUSH_TEXT_MAX, type CardDetails } from '../../../shared/schemas/cards';
import { Dialog } from '../../components/Dialog';
import { ErrorNotice } from '../../components/ErrorNotice';
import { FormField } from '../../components/FormField';
import { call } from '../../lib/api';
import { ApiCallError } from '../../lib/api-error';
import { fieldErrorText } from '../../lib/error-text';

interface Props {
  card: CardDetails;
  onClose(): void;
  onSent(): void;
}

/**
 * A personal message by wallet PUSH (at most 20 characters) and/or Email, queued for the cloud service. A push
 * needs a wallet: for a card saved only on the web it is off, with the reason (the core refuses it too).
 */
export function MessageDialog({ card, onClose, onSent }: Props) {
  const { t } = useTranslation();
  const canPush = isInWallet(card.platforms);
  const [usePush, setUsePush] = useState(canPush);
  const [useEmail, setUseEmail] = useState(!canPush && Boolean(card.email));
  const [push, setPush] = useState('');
  const [subject, setSubject] = useState('');
  const [body, setBody] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const pushLength = [...push].length;
  const pushTooLong = pushLength > PUSH_TEXT_MAX;
  const canSend =
    (usePush || useEmail) &&
    (!usePush || (push.trim().length > 0 && !pushTooLong)) &&
    (!useEmail || (subject.trim().length > 0 && body.trim().length > 0));
  const fieldError = (field: string) => fieldErrorText(error, field, t);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!canSend) return;
    setBusy(true);
    try {
      await call('cards.sendMessage', {
        id: card.id,
        push: usePush ? push.trim() : undefined,
        email: useEmail ? { subject: subject.trim(), body: body.trim() } : undefined,
      });
      onSent();
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  };

  return (
    <Dialog title={t('cards.message.title', { name: card.name })} onClose={onClose} wide>
      <form className="form" onSubmit={submit} noValidate>
        <div className="check-row">
          <label className="check">
            <input type="checkbox" checked={usePush} onChange={(e) => setUsePush(e.target.checked)} disabled={!canPush} />
            {t('cards.message.push')}
            {!canPush && <span className="muted"> ({t('cards.message.noWallet')})</span>}
          </label>
          <label className="check">
            <input type="checkbox" checked={useEmail} onChange={(e) => setUseEmail(e.target.checked)} disabled={!card.email} />
            {t('cards.message.email')}
            {!card.email && <span className="muted"> ({t('cards.message.noEmail')})</span>}
          </label>
        </div>
        {usePush && (
          <FormField
            label={t('cards.message.pushText')}
            hint={
              <span className={pushTooLong ? 'counter counter--over' : 'counter'} data-testid="push-counter" aria-live="polite">
                {t('cards.message.counter', { count: pushLength, max: PUSH_TEXT_MAX })}
              </span>
            }
            error={pushTooLong ? t('cards.message.pushTooLong', { max: PUSH_TEXT_MAX }) : fieldError('push')}
          >
            <input className="input" value={push} onChange={(e) => setPush(e.target.value)} placeholder={t('cards.message.pushPlaceholder')} />
          </FormField>
        )}
        {useEmail && (
          <>
            <FormField label={t('cards.message.subject')} error={fieldError('email.subject')}>
              <input className="input" value={subject} maxLength={EMAIL_SUBJECT_MAX} onChange={(e) => setSubject(e.target.value)} />
            </FormField>
            <FormField label={t('cards.message.body')} error={fieldError('email.body')}>
              <textarea className="input" rows={6} value={body} maxLength={EMAIL_BODY_MAX} onChange={(e) => setBody(e.target.value)} />
            </FormField>
          </>
        )}
        <p className="muted">{t('cards.message.queuedHint')}</p>
        {error !== null && !(error instanceof ApiCallError && error.field) && <ErrorNotice error={error} />}
        <div className="dialog__actions">
          <button type="button" className="button" onClick={onClose}>
            {t('cards.message.cancel')}
          </button>
          <button type="submit" className="button button--primary" disabled={!canSend || busy}>
            {t('cards.message.send')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
