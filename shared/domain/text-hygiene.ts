/**
 * Characters that text fields refuse or drop, and cells a spreadsheet would run as a formula.
 *
 * - A lone UTF-16 surrogate is not a character: JSON (`"\ud800"`) and IPC can carry one, but it cannot be
 *   written as UTF-8, printed or synced. Refused everywhere.
 * - NUL ends strings in C libraries, printer drivers and many tools. Refused everywhere.
 * - The bidi embedding, override and isolate controls (U+202A–U+202E, U+2066–U+2069) make "\u202Eevil.exe\u202C" show
 *   as "exe.live". Names, titles, reasons and seat names drop them: we isolate user text with markup
 *   (`<bdi>`), so they never carry anything a reader needs. ZWJ, ZWNJ and the direction marks (LRM, RLM,
 *   ALM) stay: Persian-script and Indic words need the joiners.
 */

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/g;

/** Whether the text holds a high surrogate without its low half, or a low one without its high half. */
export function hasLoneSurrogate(text: string): boolean {
  return LONE_SURROGATE.test(text);
}

export function hasNul(text: string): boolean {
  return text.includes('\u0000');
}

/** The text without bidi embedding, override and isolate controls. */
export function withoutBidiControls(text: string): string {
  return text.replace(BIDI_CONTROLS, '');
}

/**
 * What may stand, unseen, before a formula sign: controls, format characters (zero-width space, ZWJ, ZWNJ,
 * BOM, bidi marks and controls, soft hyphen…), spaces and other default-ignorable characters.
 */
const INVISIBLE_LEAD = /^[\p{Cc}\p{Cf}\p{Z}\p{Default_Ignorable_Code_Point}]*/u;
const FORMULA_SIGN = /^[=+\-@]/;

/**
 * Whether a spreadsheet could read this cell as a formula: it starts with a tab or a CR, or its first visible
 * character is = + - or @, in ASCII or any compatibility form of them (fullwidth ＝ ＋ － ＠, small ﹦ ﹢ ﹣ ﹫),
 * which spreadsheets with an East Asian input method turn into the ASCII sign.
 */
export function looksLikeFormula(text: string): boolean {
  if (text.startsWith('\t') || text.startsWith('\r')) return true;
  const rest = text.slice(INVISIBLE_LEAD.exec(text)![0].length);
  const first = rest.codePointAt(0);
  if (first === undefined) return false;
  return FORMULA_SIGN.test(String.fromCodePoint(first).normalize('NFKC'));
}
