import { checkGeneratedInput, normalizeStaticInput, STATIC_CODE_PATTERN } from '../redeem-code';
import { keysPressed, type KeyReading } from './keys-pressed';

/** A card's QR token: base64url, case-sensitive. */
export const CARD_TOKEN_PATTERN = /^[A-Za-z0-9_-]{16,64}$/;
/** A card number: 6 digits or more. */
const CARD_NUMBER_PATTERN = /^\d{6,15}$/;
/** The shortest keyboard-layout reading the vouchers search takes for a POS code (shorter ones are title words). */
const MIN_POS_CODE_READING = 4;

function layoutReadings(text: string): KeyReading[] {
  return keysPressed(text.trim()).filter((reading) => reading.layout !== null);
}

function distinct<T>(values: T[], key: (value: T) => string = String): T[] {
  const seen = new Set<string>();
  return values.filter((value) => !seen.has(key(value)) && seen.add(key(value)));
}

/**
 * What to look a redeem code or voucher QR token up by: the text itself first, then what the keys pressed
 * were on a Thai, Korean or Persian layout, in upper case. Codes and voucher tokens hold no lower case,
 * so the case a Korean layout hides does not matter for them.
 */
export function codeReadings(text: string): string[] {
  return distinct([text, ...layoutReadings(text).map((reading) => reading.text.toUpperCase())]);
}

/**
 * Codes a search box query names when read through a keyboard layout, as they are stored: a whole
 * generated code whose check symbol matches, else a POS code of 4 characters or more. Not its start: a Thai
 * or Korean title word of a letter or two would otherwise read as the start of thousands of codes.
 */
export function codeSearchReadings(query: string): string[] {
  const generated: string[] = [];
  const pos: string[] = [];
  for (const reading of layoutReadings(query)) {
    const upper = reading.text.toUpperCase();
    const check = checkGeneratedInput(upper);
    const asPos = normalizeStaticInput(upper);
    if (check.kind === 'generated') generated.push(check.code);
    else if (check.kind === 'not_generated' && asPos.length >= MIN_POS_CODE_READING && STATIC_CODE_PATTERN.test(asPos)) pos.push(asPos);
  }
  return distinct(generated.length > 0 ? generated : pos);
}

/**
 * A card token read through a keyboard layout, to look up as `lower(token) = lower AND token GLOB glob`
 * (the first part finds it by the lower(token) index, the second checks every character whose case the
 * layout showed). Letters of unknown case are `[aA]` in the glob; base64url has no other GLOB syntax.
 */
export interface CardTokenPattern {
  lower: string;
  glob: string;
}

export function cardTokenPattern(reading: KeyReading): CardTokenPattern {
  const loose = new Set(reading.anyCase);
  let glob = '';
  for (let i = 0; i < reading.text.length; i++) {
    const char = reading.text[i]!;
    glob += loose.has(i) ? `[${char.toLowerCase()}${char.toUpperCase()}]` : char;
  }
  return { lower: reading.text.toLowerCase(), glob };
}

/** The same test as the SQL: whether a stored token fits a pattern. */
export function matchesCardTokenPattern(pattern: CardTokenPattern, token: string): boolean {
  if (token.toLowerCase() !== pattern.lower) return false;
  let i = 0;
  for (const part of pattern.glob.match(/\[..\]|./g) ?? []) {
    const char = token[i++]!;
    if (part.length === 4 ? !part.includes(char) : part !== char) return false;
  }
  return i === token.length;
}

/** Card numbers and card tokens a text names when read through a keyboard layout (the text itself excluded). */
export interface CardReadings {
  numbers: number[];
  tokens: CardTokenPattern[];
}

/**
 * What a scanned or typed text names as a card, read through a Thai, Korean or Persian layout: whole
 * card numbers (6 to 15 digits) and card tokens. The text as it is is the caller's first lookup; these
 * come after it. Prefixes are not offered: a Thai name of number-row letters would read as digits.
 */
export function cardReadings(text: string): CardReadings {
  const numbers: number[] = [];
  const tokens: CardTokenPattern[] = [];
  for (const reading of layoutReadings(text)) {
    const digits = reading.text.replace(/\s+/g, '');
    if (CARD_NUMBER_PATTERN.test(digits)) numbers.push(Number(digits));
    if (CARD_TOKEN_PATTERN.test(reading.text)) tokens.push(cardTokenPattern(reading));
  }
  return { numbers: distinct(numbers), tokens: distinct(tokens, (t) => t.glob) };
}
