import type { SectionDefinition } from './section-types';
import { aboutSection } from '../sections/about';
import { settingsSection } from '../sections/settings';

/**
 * The side menu, top to bottom. Only sections that work are listed: each later capability adds
 * its folder under sections/ and one line here.
 */
export const SECTIONS: readonly SectionDefinition[] = [settingsSection, aboutSection];

export const DEFAULT_SECTION_ID = 'about';
