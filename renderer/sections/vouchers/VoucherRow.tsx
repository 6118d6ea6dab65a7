import { useTranslation } from 'react-i18next';
import { formatRedeemCode } from '../../../shared/domain/redeem-code';
import type { VoucherSummary } from '../../../shared/schemas/vouchers';
import { Ltr } from '../../components/Ltr';
import { DateCell } from './DateCell';

interface Props {
  voucher: VoucherSummary;
  /** A voucher shown inside its opened batch. */
  inBatch?: boolean;
  onOpen(id: number): void;
}

/** One voucher of the list; Enter or a click opens its details. Every cell stays on one line. */
export function VoucherRow({ voucher: v, inBatch, onOpen }: Props) {
  const { t } = useTranslation();
  return (
    <tr
      className={inBatch ? 'voucher-row voucher-row--in-batch' : 'voucher-row'}
      data-voucher-id={v.id}
      tabIndex={0}
      onClick={() => onOpen(v.id)}
      onKeyDown={(e) => {
        if (e.key !== 'Enter') return;
        // handled here: the Enter must not go on to click the button the opening dialog puts the focus on
        e.preventDefault();
        onOpen(v.id);
      }}
    >
      <td>
        <Ltr className="mono">{v.id}</Ltr>
      </td>
      <td className="col-title">
        <bdi className="ellipsis" title={v.title}>
          {v.title}
        </bdi>
      </td>
      <td>{v.redeemCode ? <Ltr className="mono">{formatRedeemCode(v.redeemCode)}</Ltr> : '—'}</td>
      <td>
        <span className={`status status--${v.status}`}>{t(`vouchers.status.${v.status}`)}</span>
      </td>
      <td className="col-customer">
        {v.customerName ? (
          <bdi className="ellipsis" title={v.customerName}>
            {v.customerName}
          </bdi>
        ) : (
          t('vouchers.source.free')
        )}
      </td>
      <DateCell at={v.issuedAt} />
      {v.expiresAt === null ? <td>{t('vouchers.never')}</td> : <DateCell at={v.expiresAt - 1} />}
    </tr>
  );
}
