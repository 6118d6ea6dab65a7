import type { SectionDefinition } from '../../app/section-types';
import { SyncIcon } from './SyncIcon';
import { SyncPage } from './SyncPage';

export const syncSection: SectionDefinition = {
  id: 'sync',
  labelKey: 'sections.sync',
  Icon: SyncIcon,
  Page: SyncPage,
};
