import type { SectionDefinition } from '../../app/section-types';
import { InfoIcon } from '../../components/icons';
import { AboutPage } from './AboutPage';

export const aboutSection: SectionDefinition = {
  id: 'about',
  labelKey: 'sections.about',
  Icon: InfoIcon,
  Page: AboutPage,
};
