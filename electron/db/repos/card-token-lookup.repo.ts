import type { Db } from '../client';
import type { CardTokenPattern } from '../../../shared/domain/keyboard-layouts';

/**
 * Live cards whose token fits a token read through a keyboard layout that hides some letters' case (Korean
 * Dubeolsik): found by the lower(token) index, then checked character by character with a case-sensitive
 * GLOB (letters of unknown case as [aA]). Names its index: without it this would read every card.
 * At most `limit` ids; the caller treats more than one as no answer.
 */
export function findLiveCardIdsByTokenPattern(db: Db, pattern: CardTokenPattern, limit = 2): number[] {
  return db
    .prepare('SELECT id FROM cards INDEXED BY cards_token_lower_idx WHERE lower(token) = ? AND token GLOB ? AND deleted_at IS NULL LIMIT ?')
    .pluck()
    .all(pattern.lower, pattern.glob, limit) as number[];
}
