import type { ComponentType } from 'react';

/** One entry of the side menu. Each section lives in its own folder and exports one of these. */
export interface SectionDefinition {
  /** Used in the address (`#/settings`) and in tests. */
  id: string;
  /** i18n key of the menu label. */
  labelKey: string;
  Icon: ComponentType;
  Page: ComponentType;
}
