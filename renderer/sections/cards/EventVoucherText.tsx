import { useTranslation } from 'react-i18next';
import { formatRedeemCode } from '../../../shared/domain/redeem-code';
import type { EventVoucher } from '../../../shared/schemas/cards';
import { Ltr } from '../../components/Ltr';

/**
 * The voucher a history event is about: its title (user text, isolated) and its code (left to right, as
 * printed), labelled; no sentence is built around them, the event's type above says what happened.
 */
export function EventVoucherText({ voucher }: { voucher: EventVoucher }) {
  const { t } = useTranslation();
  return (
    <span className="history__voucher">
      <bdi data-testid="history-voucher-title">{voucher.title}</bdi>
      {voucher.code !== null && (
        <span className="history__voucher-code">
          <span className="muted">{t('events.voucherCode')}</span>
          <Ltr className="mono" testId="history-voucher-code">
            {formatRedeemCode(voucher.code)}
          </Ltr>
        </span>
      )}
    </span>
  );
}
