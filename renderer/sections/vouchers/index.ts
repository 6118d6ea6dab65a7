import type { SectionDefinition } from '../../app/section-types';
import { ListIcon } from '../../components/icons';
import { VouchersPage } from './VouchersPage';

export const vouchersSection: SectionDefinition = {
  id: 'vouchers',
  labelKey: 'sections.vouchers',
  Icon: ListIcon,
  Page: VouchersPage,
};
