import type { SectionDefinition } from '../../app/section-types';
import { ScanIcon } from '../../components/icons';
import { ScanPage } from './ScanPage';

export const scanSection: SectionDefinition = {
  id: 'scan',
  labelKey: 'sections.scan',
  Icon: ScanIcon,
  Page: ScanPage,
};
