import type { SectionDefinition } from './section-types';
import { aboutSection } from '../sections/about';
import { settingsSection } from '../sections/settings';
import { cardsSection } from '../sections/cards';

/**
 * The side menu, top to bottom. Only sections that work are listed: each later capability adds
 * its folder under sections/ and one line here.
 */
export const SECTIONS: readonly SectionDefinition[] = [cardsSection, settingsSection, aboutSection];

export const DEFAULT_SECTION_ID = 'cards';
