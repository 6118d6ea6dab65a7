import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatRedeemCode } from '../../../shared/domain/redeem-code';
import type { SyncConflict } from '../../../shared/schemas/sync';
import { useSettings } from '../../app/SettingsContext';
import { reasonText } from '../../app/sync-text';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Ltr } from '../../components/Ltr';
import { call } from '../../lib/api';
import { formatDateTime } from '../../lib/format';
import { conflictFacts } from './conflict-detail';

interface Props {
  conflict: SyncConflict;
  onSeen(): void;
}

/**
 * One conflict or rejected change: what it was about, what happened in words (both seats and times for a
 * redemption that did not stand, the new code for a reissued one, the cloud's reason for a refusal), what to do,
 * and Mark as seen.
 */
export function ConflictItem({ conflict: c, onSeen }: Props) {
  const { t } = useTranslation();
  const { settings } = useSettings();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const when = (at: number) => formatDateTime(at, settings!);
  const facts = conflictFacts(c);

  const markSeen = async () => {
    setBusy(true);
    setError(null);
    try {
      await call('sync.markSeen', { id: c.id });
      onSeen();
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  };

  let explanation: string;
  if (c.kind === 'redeemedElsewhere') {
    explanation = facts.winner
      ? t('sync.conflicts.explain.redeemedElsewhere', { seat: c.seat, at: when(c.at), winnerSeat: facts.winner.seat, winnerAt: when(facts.winner.at) })
      : t('sync.conflicts.explain.redeemedElsewhereSomewhere', { seat: c.seat, at: when(c.at) });
  } else if (c.kind === 'rejected') {
    explanation = reasonText(c.reason, t);
  } else {
    explanation = t(`sync.conflicts.explain.${c.kind}`);
  }

  return (
    <li className={`sync-conflict${c.seenAt ? ' sync-conflict--seen' : ''}`} data-testid="sync-conflict" data-conflict-id={c.id} data-kind={c.kind}>
      <div className="sync-conflict__head">
        <h3 className="sync-conflict__kind">{t(`sync.conflicts.kind.${c.kind}`)}</h3>
        {c.label && (
          <bdi className="sync-conflict__label" data-testid="sync-conflict-label">
            {c.label}
          </bdi>
        )}
      </div>
      <p data-testid="sync-conflict-explanation">{explanation}</p>
      {(facts.oldCode || facts.newCode) && (
        <dl className="facts sync-conflict__codes">
          {facts.oldCode && (
            <>
              <dt>{t('sync.conflicts.oldCode')}</dt>
              <dd>
                <Ltr className="mono">{formatRedeemCode(facts.oldCode)}</Ltr>
              </dd>
            </>
          )}
          {facts.newCode && (
            <>
              <dt>{t('sync.conflicts.newCode')}</dt>
              <dd>
                <Ltr className="mono" testId="sync-conflict-new-code">
                  {formatRedeemCode(facts.newCode)}
                </Ltr>
              </dd>
            </>
          )}
        </dl>
      )}
      {c.kind !== 'redeemedElsewhere' && <p className="muted">{t('sync.conflicts.madeAt', { seat: c.seat, when: when(c.at) })}</p>}
      <p className="sync-conflict__todo">
        <strong>{t('sync.conflicts.whatToDo')}</strong> <span data-testid="sync-conflict-todo">{t(`sync.conflicts.todo.${c.kind}`)}</span>
      </p>
      <div className="sync-conflict__foot">
        {c.seenAt === null ? (
          <button type="button" className="button button--small" data-testid="sync-mark-seen" disabled={busy} onClick={() => void markSeen()}>
            {t('sync.conflicts.markSeen')}
          </button>
        ) : (
          <span className="muted small">{t('sync.conflicts.seenOn', { when: when(c.seenAt) })}</span>
        )}
      </div>
      {error !== null && <ErrorNotice error={error} />}
    </li>
  );
}
