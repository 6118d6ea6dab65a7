import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ScanPause, ScanStatus } from '../../../shared/schemas/scan';
import { Dialog } from '../../components/Dialog';
import { ErrorNotice } from '../../components/ErrorNotice';
import { call } from '../../lib/api';

interface PauseBannerProps {
  pause: ScanPause;
  /** Who this workstation is now: ending the pause is recorded with this seat. */
  seat: string;
  when: (instant: number) => string;
  onChanged: (status: ScanStatus | null) => void;
}

/**
 * Scanning is paused on this computer: why, until when, and a way for a person to end it, after a
 * confirmation (the act is kept in the pause history with the seat and time).
 */
export function PauseBanner({ pause, seat, when, onChanged }: PauseBannerProps) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const close = () => {
    setConfirming(false);
    setError(null);
  };
  const endPause = async () => {
    setBusy(true);
    setError(null);
    try {
      onChanged(await call('scan.endPause', { pauseId: pause.id }));
      setConfirming(false);
    } catch (e) {
      setError(e);
      onChanged(null); // read the status again: the pause may have run out meanwhile
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="notice notice--error scan-pause" role="alert" data-testid="scan-pause">
      <strong>{t('scan.pause.title')}</strong>
      <p className="notice__detail">{t('scan.pause.detail', { count: pause.failures, seat: pause.seat, when: when(pause.until) })}</p>
      <p className="notice__detail">{t('scan.pause.why')}</p>
      <button type="button" className="button" onClick={() => setConfirming(true)}>
        {t('scan.pause.end')}
      </button>
      {confirming && (
        <Dialog
          title={t('scan.pause.confirmTitle')}
          onClose={close}
          actions={
            <>
              <button type="button" className="button" onClick={close}>
                {t('scan.pause.keep')}
              </button>
              <button type="button" className="button button--primary" disabled={busy} onClick={() => void endPause()}>
                {t('scan.pause.confirm')}
              </button>
            </>
          }
        >
          <p>{t('scan.pause.confirmBody', { seat })}</p>
          {error !== null && <ErrorNotice error={error} />}
        </Dialog>
      )}
    </section>
  );
}
