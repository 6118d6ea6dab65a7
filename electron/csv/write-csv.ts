/** UTF-8 byte order mark: spreadsheet programs then show Thai, Korean and Arabic script correctly. */
export const BOM = '\ufeff';

/**
 * One CSV cell. Quotes when needed; a text cell starting with = + - @ (or a tab/CR) gets a leading
 * apostrophe so a spreadsheet shows it instead of running it as a formula.
 */
export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export function csvLine(cells: ReadonlyArray<string | number | null | undefined>): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}
