/**
 * An RFC 4180 CSV reader: comma-separated, fields optionally in double quotes, `""` for a quote
 * inside quotes, CRLF or LF line ends, line breaks allowed inside quoted fields.
 * Refuses, with the line number, what would otherwise be read wrongly: a stray quote, an unterminated
 * quoted field, too many columns, an over-long field.
 */
export interface CsvRecord {
  /** 1-based line of the file where the record starts. */
  line: number;
  fields: string[];
}

/** What is wrong with a CSV file, by kind (the import turns it into a translated error). */
export type CsvProblem = 'unclosedQuote' | 'textAfterQuote' | 'quoteInField' | 'fieldTooLong' | 'tooManyColumns';

export class CsvError extends Error {
  readonly line: number;
  readonly problem: CsvProblem;
  /** The limit that was passed, for fieldTooLong and tooManyColumns. */
  readonly max: number | undefined;
  constructor(line: number, problem: CsvProblem, message: string, max?: number) {
    super(`Line ${line}: ${message}`);
    this.line = line;
    this.problem = problem;
    this.max = max;
  }
}

export interface CsvLimits {
  maxColumns: number;
  maxFieldLength: number;
}

export function* readCsv(text: string, limits: CsvLimits): Generator<CsvRecord> {
  let i = 0;
  let line = 1;
  const n = text.length;
  while (i < n) {
    const start = line;
    const fields: string[] = [];
    for (;;) {
      let value = '';
      if (text.charCodeAt(i) === 34 /* " */) {
        i++;
        let closed = false;
        let chunkStart = i;
        while (i < n) {
          const c = text.charCodeAt(i);
          if (c === 34) {
            if (text.charCodeAt(i + 1) === 34) {
              value += text.slice(chunkStart, i + 1);
              i += 2;
              chunkStart = i;
              continue;
            }
            value += text.slice(chunkStart, i);
            i++;
            closed = true;
            break;
          }
          if (c === 10) line++;
          i++;
        }
        if (!closed) throw new CsvError(start, 'unclosedQuote', 'a quoted field is never closed (a " is missing).');
        const next = text.charCodeAt(i);
        if (i < n && next !== 44 && next !== 10 && next !== 13) {
          throw new CsvError(line, 'textAfterQuote', 'unexpected text after a closing quote (a quote inside a field must be doubled: "").');
        }
      } else {
        const chunkStart = i;
        while (i < n) {
          const c = text.charCodeAt(i);
          if (c === 44 || c === 10 || c === 13) break;
          if (c === 34) throw new CsvError(line, 'quoteInField', 'a " inside an unquoted field (put the field in quotes and double the quote).');
          i++;
        }
        value = text.slice(chunkStart, i);
      }
      if (value.length > limits.maxFieldLength) {
        throw new CsvError(line, 'fieldTooLong', `a field is longer than ${limits.maxFieldLength} characters.`, limits.maxFieldLength);
      }
      fields.push(value);
      if (fields.length > limits.maxColumns) {
        throw new CsvError(start, 'tooManyColumns', `more than ${limits.maxColumns} columns.`, limits.maxColumns);
      }
      const c = text.charCodeAt(i);
      if (c === 44) {
        i++;
        continue;
      }
      if (c === 13) i++;
      if (text.charCodeAt(i) === 10) i++;
      line++;
      break;
    }
    // skip blank lines
    if (fields.length === 1 && fields[0] === '') continue;
    yield { line: start, fields };
  }
}
