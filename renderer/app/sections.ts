import type { SectionDefinition } from './section-types';
import { aboutSection } from '../sections/about';
import { settingsSection } from '../sections/settings';
import { cardsSection } from '../sections/cards';
import { issueVoucherSection } from '../sections/issue-voucher';
import { vouchersSection } from '../sections/vouchers';
import { scanSection } from '../sections/scan';
import { printersSection } from '../sections/printers';
import { syncSection } from '../sections/sync';

/**
 * The side menu, top to bottom. Only sections that work are listed: each later capability adds
 * its folder under sections/ and one line here.
 */
export const SECTIONS: readonly SectionDefinition[] = [
  cardsSection,
  issueVoucherSection,
  vouchersSection,
  scanSection,
  printersSection,
  syncSection,
  settingsSection,
  aboutSection,
];

export const DEFAULT_SECTION_ID = 'cards';
