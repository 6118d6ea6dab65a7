import { useTranslation } from 'react-i18next';
import { formatRedeemCode } from '../../../shared/domain/redeem-code';
import type { RedeemResult } from '../../../shared/schemas/vouchers';
import { Ltr } from '../../components/Ltr';

const TONE: Record<RedeemResult['outcome'], 'ok' | 'warn' | 'bad'> = {
  redeemed: 'ok',
  already_redeemed: 'warn',
  ambiguous: 'warn',
  invalid_check: 'warn',
  expired: 'bad',
  voided: 'bad',
  unknown: 'bad',
  locked: 'bad',
};

interface VoucherOutcomeProps {
  result: RedeemResult;
  /** An instant in the shop's zone and locale. */
  when: (instant: number | null | undefined) => string;
  /** After an ambiguous answer: redeem the voucher the staff member picked. */
  onPick: (voucherId: number) => void;
}

/** What a voucher scan did, big and coloured, with the detail staff need (when, which seat, why). */
export function VoucherOutcome({ result, when, onPick }: VoucherOutcomeProps) {
  const { t } = useTranslation();
  const { outcome, voucher } = result;
  return (
    <section className={`outcome outcome--${TONE[outcome]}`} role="status" aria-live="assertive" data-outcome={outcome}>
      <h2 className="outcome__title">{t(`scan.outcome.${outcome}`)}</h2>
      {voucher && (
        <p className="outcome__voucher">
          <bdi>{voucher.title}</bdi>
          {voucher.redeemCode && (
            <>
              {' · '}
              <Ltr className="mono">{formatRedeemCode(voucher.redeemCode)}</Ltr>
            </>
          )}
        </p>
      )}
      {outcome === 'already_redeemed' && voucher && <p>{t('scan.detail.alreadyRedeemed', { when: when(voucher.redeemedAt), seat: voucher.redeemedBy })}</p>}
      {outcome === 'expired' && voucher && <p>{t('scan.detail.expired', { when: when((voucher.expiresAt ?? 1) - 1) })}</p>}
      {outcome === 'voided' && voucher && <p>{t('scan.detail.voided', { reason: voucher.voidReason ?? '' })}</p>}
      {outcome === 'invalid_check' && <p>{t('scan.detail.invalidCheck')}</p>}
      {outcome === 'unknown' && <p>{t('scan.detail.unknown')}</p>}
      {result.lockedUntil && <p>{t('scan.detail.locked', { when: when(result.lockedUntil) })}</p>}
      {outcome === 'ambiguous' && (
        <>
          <p>{t('scan.detail.ambiguous')}</p>
          <ul className="candidates">
            {result.candidates?.map((c) => (
              <li key={c.id}>
                <button type="button" className="button" onClick={() => onPick(c.id)}>
                  #{c.id} <bdi>{c.title}</bdi>
                  {c.customerName ? (
                    <>
                      {' '}
                      · <bdi>{c.customerName}</bdi>
                    </>
                  ) : null}{' '}
                  · {c.expiresAt ? when(c.expiresAt - 1) : t('vouchers.never')}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
