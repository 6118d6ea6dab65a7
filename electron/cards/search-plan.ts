import { codePointLength, searchKey, searchWords } from '../../shared/domain/search-key';
import { phoneDigits, toAsciiDigits } from '../../shared/domain/normalize';

/** The shortest text the trigram index can find; shorter words are matched another way. */
const TRIGRAM = 3;
/** Card numbers have at most this many digits when expanding a number prefix into id ranges. */
const MAX_CARD_DIGITS = 12;
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{16,64}$/;
const PHONE_LIKE = /^[\d\s\-+().]+$/;

/**
 * How one search box query is answered: the union of a few index lookups, never a table scan.
 * - words of 3+ characters (as search keys) must all appear in the name: trigram FTS on `name`;
 *   shorter words in the same query narrow those matches down;
 * - a query of only short words matches names that start with it (name key prefix);
 * - a number-like query (3+ digits, any digit script, spaces/dashes/+ ignored) matches phones that
 *   start or end with those digits (leading zeros dropped for the end, so 081 234 5678 finds
 *   +66 81 234 5678), the card number exactly and, from 3 digits, card numbers starting with it;
 * - e-mail-like text (with @ . _ or +) matches e-mails that start with it; a plain word of 3+ characters
 *   does too, but only when no name or phone matches it (`emailFallback`), so a common name part
 *   like "oliv" never drags in every olivia.* address;
 * - a token-shaped query matches the card token exactly.
 */
export interface SearchPlan {
  /** FTS5 MATCH expression over card_search, or null. All user text is inside quoted strings. */
  fts: string | null;
  /** Short name words that must also appear in the name key (checked with instr on the matches). */
  alsoInName: string[];
  namePrefix: string | null;
  emailPrefix: string | null;
  /** An e-mail prefix to try only when nothing else matches. */
  emailFallback: string | null;
  /** Phone digits to match at the start of the number, and reversed at its end. */
  phonePrefix: string | null;
  phoneSuffixReversed: string | null;
  idRanges: Array<[number, number]>;
  token: string | null;
}

/** An FTS5 string literal: everything inside is plain text (operators, `*`, `-`, NEAR included). */
export function ftsString(text: string): string {
  return `"${text.replaceAll('"', '""')}"`;
}

export function planSearch(query: string): SearchPlan | null {
  const trimmed = query.trim();
  if (trimmed.length === 0) return null;
  const plan: SearchPlan = { fts: null, alsoInName: [], namePrefix: null, emailPrefix: null, emailFallback: null, phonePrefix: null, phoneSuffixReversed: null, idRanges: [], token: null };

  const words = searchWords(trimmed);
  const longWords = words.filter((w) => codePointLength(w) >= TRIGRAM);
  const shortWords = words.filter((w) => codePointLength(w) < TRIGRAM);
  if (longWords.length > 0) {
    plan.fts = longWords.map((w) => `name : ${ftsString(w)}`).join(' AND ');
    plan.alsoInName = shortWords;
  } else if (shortWords.length > 0) {
    plan.namePrefix = searchKey(trimmed);
  }

  const ascii = toAsciiDigits(trimmed);
  if (PHONE_LIKE.test(ascii)) {
    const digits = phoneDigits(ascii);
    if (digits.length >= TRIGRAM) {
      plan.phonePrefix = digits;
      const significant = digits.replace(/^0+/, '');
      if (significant.length >= TRIGRAM) plan.phoneSuffixReversed = [...significant].reverse().join('');
    }
    if (/^\d+$/.test(ascii.replace(/\s+/g, ''))) plan.idRanges = cardNumberRanges(ascii.replace(/\s+/g, ''));
  }

  if (!/\s/.test(trimmed)) {
    const email = trimmed.replace(/[A-Z]/g, (c) => c.toLowerCase());
    if (/[@._+]/.test(trimmed)) plan.emailPrefix = email;
    else if (codePointLength(trimmed) >= TRIGRAM) plan.emailFallback = email;
  }
  if (TOKEN_PATTERN.test(trimmed)) plan.token = trimmed;
  return plan;
}

/** The card number itself and, from 3 digits on, every longer number starting with those digits. */
function cardNumberRanges(digits: string): Array<[number, number]> {
  const trimmed = digits.replace(/^0+(?=\d)/, '');
  if (trimmed.length > MAX_CARD_DIGITS) return [];
  const n = Number(trimmed);
  const ranges: Array<[number, number]> = [[n, n]];
  if (trimmed.length >= TRIGRAM && n > 0) {
    for (let extra = 1; trimmed.length + extra <= MAX_CARD_DIGITS; extra++) {
      const scale = 10 ** extra;
      ranges.push([n * scale, n * scale + scale - 1]);
    }
  }
  return ranges;
}
