import type { SectionDefinition } from '../../app/section-types';
import { PrinterIcon } from '../../components/icons';
import { PrintersPage } from './PrintersPage';

export const printersSection: SectionDefinition = {
  id: 'printers',
  labelKey: 'sections.printers',
  Icon: PrinterIcon,
  Page: PrintersPage,
};
