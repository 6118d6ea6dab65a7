import type { SectionDefinition } from '../../app/section-types';
import { CardsIcon } from '../../components/icons';
import { CardsPage } from './CardsPage';

export const cardsSection: SectionDefinition = {
  id: 'cards',
  labelKey: 'sections.cards',
  Icon: CardsIcon,
  Page: CardsPage,
};
