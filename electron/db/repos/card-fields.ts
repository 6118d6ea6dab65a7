import type { CardListItem } from '../../../shared/schemas/cards';

/** The columns every card query reads: what the list shows, with the wallets still a bit mask. */
export interface CardFields extends Omit<CardListItem, 'platforms'> {
  platforms: number;
}
