import type { SectionDefinition } from '../../app/section-types';
import { TicketIcon } from '../../components/icons';
import { IssueVoucherPage } from './IssueVoucherPage';

export const issueVoucherSection: SectionDefinition = {
  id: 'issue-voucher',
  labelKey: 'sections.issueVoucher',
  Icon: TicketIcon,
  Page: IssueVoucherPage,
};
