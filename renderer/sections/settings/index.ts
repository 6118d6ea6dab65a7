import type { SectionDefinition } from '../../app/section-types';
import { GearIcon } from '../../components/icons';
import { SettingsPage } from './SettingsPage';

export const settingsSection: SectionDefinition = {
  id: 'settings',
  labelKey: 'sections.settings',
  Icon: GearIcon,
  Page: SettingsPage,
};
