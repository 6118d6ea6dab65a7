/**
 * Scanners behind a Thai, Korean or Persian keyboard: a keyboard-wedge scanner presses US-QWERTY keys and
 * the OS's layout turns them into other characters. These read such text back into the keys pressed.
 */
export { keysPressed, readingMatches, type KeyReading, type LayoutName } from './keys-pressed';
export {
  CARD_TOKEN_PATTERN,
  cardReadings,
  cardTokenPattern,
  codeReadings,
  codeSearchReadings,
  matchesCardTokenPattern,
  type CardReadings,
  type CardTokenPattern,
} from './lookups';
export { decomposeHangul } from './hangul';
