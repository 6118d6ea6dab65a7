import { codePointLength, searchKey, searchWords } from '../../shared/domain/search-key';
import { phoneDigits, toAsciiDigits } from '../../shared/domain/normalize';
import { phoneQueryPrefixes } from '../../shared/domain/phone';
import { cardReadings, type CardTokenPattern } from '../../shared/domain/keyboard-layouts';

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
 * - a number-like query (3+ digits, any digit script, spaces/dashes/+ ignored) matches phones whose
 *   international (E.164) or national form (as typed at home) starts with it, read as people type in
 *   the shop's country (shared/domain/phone.ts, phoneQueryPrefixes: `0912 345` and `+98 912 345` both
 *   find +98 912 345 6789), phones that end with its digits (leading zeros dropped, so 081 234 5678
 *   finds a number stored as 66812345678), the card number exactly and, from 3 digits, card numbers
 *   starting with it;
 * - e-mail-like text (with @ . _ or +) matches e-mails that start with it; a plain word of 3+ characters
 *   does too, but only when no name or phone matches it (`emailFallback`), so a common name part
 *   like "oliv" never drags in every olivia.* address;
 * - a token-shaped query matches the card token exactly;
 * - text typed through a Thai, Korean or Persian keyboard layout is also read as the keys pressed: a whole card
 *   number, or a card token (case-insensitively where the layout hid the case, checked by GLOB on the rest).
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
  /** Digit prefixes matched at the start of a phone's international and of its national form. */
  phonePrefixes: string[];
  /** Digits matched at the end of the phone, reversed. */
  phoneSuffixReversed: string | null;
  idRanges: Array<[number, number]>;
  token: string | null;
  /** The card token as typed through a Thai, Korean or Persian layout: `lower(token) = lower AND token GLOB glob`. */
  tokenPatterns: CardTokenPattern[];
}

/** An FTS5 string literal: everything inside is plain text (operators, `*`, `-`, NEAR included). */
export function ftsString(text: string): string {
  return `"${text.replaceAll('"', '""')}"`;
}

/** `phoneCountry`: the shop's country, in which numbers typed without a country code are read ('' for none). */
export function planSearch(query: string, phoneCountry = ''): SearchPlan | null {
  const trimmed = query.trim();
  if (trimmed.length === 0) return null;
  const plan: SearchPlan = { fts: null, alsoInName: [], namePrefix: null, emailPrefix: null, emailFallback: null, phonePrefixes: [], phoneSuffixReversed: null, idRanges: [], token: null, tokenPatterns: [] };

  const ascii = toAsciiDigits(trimmed);
  const numberLike = PHONE_LIKE.test(ascii);
  const words = searchWords(trimmed);
  const longWords = words.filter((w) => codePointLength(w) >= TRIGRAM);
  const shortWords = words.filter((w) => codePointLength(w) < TRIGRAM);
  if (longWords.length > 0) {
    plan.fts = longWords.map((w) => `name : ${ftsString(w)}`).join(' AND ');
    // the short groups of a number (`+66 81 234 5678`) are not name parts: they would filter out the phone
    plan.alsoInName = numberLike ? [] : shortWords;
  } else if (shortWords.length > 0) {
    plan.namePrefix = searchKey(trimmed);
  }

  if (numberLike) {
    const digits = phoneDigits(ascii);
    if (digits.length >= TRIGRAM) {
      plan.phonePrefixes = phoneQueryPrefixes(ascii, phoneCountry);
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
  // typed or scanned with a Thai, Korean or Persian keyboard layout on: whole card numbers and card tokens
  const typed = cardReadings(trimmed);
  for (const n of typed.numbers) if (!plan.idRanges.some(([lo, hi]) => lo === n && hi === n)) plan.idRanges.push([n, n]);
  plan.tokenPatterns = typed.tokens;
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
