import { looksLikeFormula } from '../../shared/domain/text-hygiene';

/** UTF-8 byte order mark: spreadsheet programs then show Thai, Korean and Arabic script correctly. */
export const BOM = '\ufeff';

/**
 * One CSV cell. A text cell a spreadsheet could run as a formula (= + - @ in ASCII or fullwidth, a tab or a
 * CR at the start, also behind invisible characters) gets a leading apostrophe, so it is shown instead.
 * Quoted when it holds a quote, a line break, a comma, a semicolon or a tab: a spreadsheet that splits at
 * `;` or tabs still sees one cell, never a formula starting after the separator.
 */
export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return String(value);
  const safe = looksLikeFormula(value) ? `'${value}` : value;
  return /[",;\t\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export function csvLine(cells: ReadonlyArray<string | number | null | undefined>): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}
