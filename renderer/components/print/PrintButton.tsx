import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { VoucherStatus } from '../../../shared/schemas/vouchers';
import { PrintDialog, type PrintTarget } from './PrintDialog';

interface Props {
  target: PrintTarget;
  title: string;
  /** A single voucher's status: one that cannot be redeemed is not printed, and the reason shows beside the button. */
  status?: VoucherStatus;
  small?: boolean;
}

/** Print…: opens the print dialog; disabled with its reason for a voucher that cannot be redeemed. */
export function PrintButton({ target, title, status, small }: Props) {
  const { t } = useTranslation();
  const disabledReason = status && status !== 'active' ? t(`printers.print.blocked.${status}`) : null;
  const [open, setOpen] = useState(false);
  const reasonId = useId();
  return (
    <>
      <button
        type="button"
        className={`button${small ? ' button--small' : ''}`}
        data-testid="print-button"
        disabled={Boolean(disabledReason)}
        aria-describedby={disabledReason ? reasonId : undefined}
        onClick={(e) => {
          e.stopPropagation();
          setOpen(true);
        }}
      >
        {t('printers.print.button')}
      </button>
      {disabledReason && (
        <span className="muted small print-button__reason" id={reasonId} data-testid="print-disabled-reason">
          {disabledReason}
        </span>
      )}
      {open && (
        // a click inside the dialog stays there (the button may sit in a clickable row)
        <span className="print-button__dialog" onClick={(e) => e.stopPropagation()}>
          <PrintDialog target={target} title={title} onClose={() => setOpen(false)} />
        </span>
      )}
    </>
  );
}
